// Where a process spends its CPU: a V8 sampling profile (node:inspector) summarised as self
// time per place — a package under node_modules, a folder of ours, node's internals, GC —
// and the hottest functions. Used to explain a missed goal with numbers, not guesses.
import { Session } from "node:inspector";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number };

export type ProfileSummary = {
  sampled_ms: number;
  /** Self time per place, % of the non-idle samples, biggest first; native code and node's
   *  internals (a socket write, JSON.parse) count for the nearest caller of ours or of a package. */
  by_place_pct: Record<string, number>;
  /** Hottest functions by self time, % of the non-idle samples. */
  top_functions: { fn: string; place: string; pct: number }[];
};

/** "node_modules/@prisma/client-runtime-utils/…" → "@prisma/client-runtime-utils"; "…/src/memory/x.ts" → "src/memory". */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  if (url.startsWith("wasm:")) return "(wasm)";
  const m = /\/(src|connectors|bench|test)\/([^/]+)/.exec(url);
  if (m) return `${m[1]}/${m[2]}`;
  return "(other)";
}

export function summarizeProfile(profile: Profile, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Native code, WebAssembly (Prisma's query compiler) and node's internals (a socket write,
  // JSON.parse) are charged to the first JavaScript caller of ours or of a package, so
  // "writev" shows up as pg's, ioredis's or http's cost.
  const isUserland = (url: string) => url !== "" && !url.startsWith("node:") && !url.startsWith("wasm:");
  const charge = (id: number): string | null => {
    let fallback: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      if (f.url.startsWith("node:inspector")) return null; // the profiler itself
      fallback ??= placeOf(f.url, f.functionName);
      if (isUserland(f.url)) return placeOf(f.url, f.functionName);
    }
    return fallback ?? "(native)";
  };
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const places = new Map<string, number>();
  const fns = new Map<string, { place: string; us: number }>();
  let busy = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    const charged = charge(id);
    if (charged === null) continue;
    busy += us;
    places.set(charged, (places.get(charged) ?? 0) + us);
    const key = `${functionName || "(anonymous)"}@${url.split("/").pop() ?? ""}:${lineNumber + 1} in ${charged}`;
    const f = fns.get(key) ?? { place: charged, us: 0 };
    f.us += us;
    fns.set(key, f);
  }
  const pct = (us: number) => Math.round((us / Math.max(1, busy)) * 1000) / 10;
  return {
    sampled_ms: Math.round(busy / 1000),
    by_place_pct: Object.fromEntries([...places].sort((a, b) => b[1] - a[1]).filter(([, us]) => pct(us) >= 0.5).map(([p, us]) => [p, pct(us)])),
    top_functions: [...fns]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([key, f]) => ({ fn: key.slice(0, key.lastIndexOf(" in ")), place: f.place, pct: pct(f.us) })),
  };
}

/** Profiles this process until the returned function is called. */
export async function startProfiling(): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 200 });
  await post("Profiler.start");
  return async () => {
    const { profile } = await post<{ profile: Profile }>("Profiler.stop");
    await post("Profiler.disable");
    session.disconnect();
    return summarizeProfile(profile);
  };
}
