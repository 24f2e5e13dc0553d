// What every benchmark prints: one JSON line per result on stdout (progress goes to stderr),
// with the goal, whether it was met, and the machine it ran on.
import fs from "node:fs";
import os from "node:os";

export type Machine = { cores: number; node: string; database: string; queue: string };

export function machine(database: string, queue: string): Machine {
  return { cores: os.availableParallelism?.() ?? os.cpus().length, node: process.version, database, queue };
}

export function emit(line: { bench: string } & Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Percentile by nearest rank over a copy; 0 for an empty list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export type LatencySummary = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Milliseconds, rounded to the microsecond. */
export function summarize(samplesMs: number[]): LatencySummary {
  const s = [...samplesMs].sort((a, b) => a - b);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : 0;
  return { n: s.length, p50: ms(percentile(s, 50)), p95: ms(percentile(s, 95)), p99: ms(percentile(s, 99)), max: ms(s[s.length - 1] ?? 0), mean: ms(mean) };
}

export function ms(v: number): number {
  return Math.round(v * 1000) / 1000;
}

export function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function nowMs(): number {
  return performance.now();
}

/** CPU time of this process over a span, as a percentage of one core. */
export function cpuMeter(): () => number {
  const start = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const d = process.cpuUsage(start);
    const wall = performance.now() - t0;
    return wall > 0 ? round(((d.user + d.system) / 1000 / wall) * 100) : 0;
  };
}

function readProcStat(): { busy: number; total: number } | null {
  try {
    // first line: cpu user nice system idle iowait irq softirq steal ...
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Whole-machine CPU use over a span, % of all cores (Linux; null elsewhere). */
export function machineCpuMeter(): () => number | null {
  const start = readProcStat();
  return () => {
    const end = readProcStat();
    if (!start || !end || end.total === start.total) return null;
    return round(((end.busy - start.busy) / (end.total - start.total)) * 100);
  };
}
