// Command-line options of `npm run bench -- <name> [--option value ...]`: one positional name
// (or none: every benchmark), then `--key value` or `--flag`. Values are checked per benchmark.

export type ParsedArgs = { names: string[]; options: Map<string, string | true> };

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const names: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      if (!key) throw new UsageError(`empty option "${a}"`);
      if (inline !== undefined) options.set(key, inline);
      else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) options.set(key, argv[++i]!);
      else options.set(key, true);
    } else {
      names.push(a);
    }
  }
  return { names, options };
}

export type OptionSpec = { name: string; help: string };

/** Reads and validates options; a benchmark declares the ones it reads (see Benchmark.options). */
export class Options {
  constructor(private readonly raw: Map<string, string | true>) {}

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw.get(name);
    if (v === undefined) return fallback;
    const n = typeof v === "string" ? Number(v.replace(/_/g, "")) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    return n;
  }

  /** A comma-separated list of whole numbers, e.g. `--connections 32,128`. */
  ints(name: string, fallback: number[], min: number, max: number): number[] {
    const v = this.raw.get(name);
    if (v === undefined) return fallback;
    const items = typeof v === "string" ? v.split(",").map((x) => Number(x.trim().replace(/_/g, ""))) : [NaN];
    if (items.length === 0 || items.some((n) => !Number.isInteger(n) || n < min || n > max)) {
      throw new UsageError(`--${name} must be whole numbers from ${min} to ${max}, separated by commas, not ${JSON.stringify(v)}`);
    }
    return [...new Set(items)];
  }

  string<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const v = this.raw.get(name);
    if (v === undefined) return fallback;
    if (typeof v !== "string" || !allowed.includes(v as T)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")}, not ${JSON.stringify(v)}`);
    return v as T;
  }

  text(name: string, fallback: string): string {
    const v = this.raw.get(name);
    if (v === undefined) return fallback;
    if (typeof v !== "string" || !/^[a-z0-9_-]{1,40}$/i.test(v)) throw new UsageError(`--${name} needs a value`);
    return v;
  }

  flag(name: string): boolean {
    const v = this.raw.get(name);
    if (v === undefined) return false;
    if (v === true || v === "true" || v === "1") return true;
    if (v === "false" || v === "0") return false;
    throw new UsageError(`--${name} is a flag (true or false), not ${JSON.stringify(v)}`);
  }

  /** Options given on the command line that are not in `known`. */
  unknown(known: Set<string>): string[] {
    return [...this.raw.keys()].filter((k) => !known.has(k));
  }
}
