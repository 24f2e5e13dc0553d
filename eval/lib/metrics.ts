// Accuracy figures over labelled predictions: micro (share of examples right), macro (mean of
// the per-class shares, so rare kinds count as much as common ones) and the commonest confusions.

export type Outcome = { gold: string; accepted: string[]; predicted: string };

export function micro(outcomes: Outcome[]): number {
  if (outcomes.length === 0) return 0;
  return outcomes.filter((o) => o.accepted.includes(o.predicted)).length / outcomes.length;
}

/** Mean over gold classes of the share right in that class. */
export function macro(outcomes: Outcome[]): number {
  const byGold = new Map<string, { right: number; all: number }>();
  for (const o of outcomes) {
    const c = byGold.get(o.gold) ?? { right: 0, all: 0 };
    c.all += 1;
    if (o.accepted.includes(o.predicted)) c.right += 1;
    byGold.set(o.gold, c);
  }
  if (byGold.size === 0) return 0;
  return [...byGold.values()].reduce((s, c) => s + c.right / c.all, 0) / byGold.size;
}

/** The `top` commonest "gold → predicted" mistakes with their counts. */
export function confusions(outcomes: Outcome[], top = 5): { gold: string; predicted: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    if (o.accepted.includes(o.predicted)) continue;
    const key = `${o.gold}\u0000${o.predicted}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([k, count]) => {
      const [gold, predicted] = k.split("\u0000") as [string, string];
      return { gold, predicted, count };
    });
}

export const pct = (v: number): number => Math.round(v * 1000) / 10;
