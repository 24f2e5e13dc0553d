// Ends the run by saying what did not run and why (services.ts records each skip).
import { takeSkips } from "./services";

export default async function globalTeardown(): Promise<void> {
  const file = process.env.HM_TEST_SKIPS_FILE;
  const skips = file ? takeSkips(file) : [];
  if (skips.length === 0) {
    process.stderr.write("\nservices: every test that needs PostgreSQL or Redis ran\n");
    return;
  }
  // the same skip in many files (every file's database) is one line
  const groups = new Map<string, { what: string; reason: string; files: string[] }>();
  for (const s of skips) {
    const key = `${s.what}\u0000${s.reason}`;
    const g = groups.get(key) ?? { what: s.what, reason: s.reason, files: [] };
    g.files.push(s.file);
    groups.set(key, g);
  }
  const lines = [...groups.values()].map((g) => `  ${g.files.length > 3 ? `${g.files.length} test files` : g.files.join(", ")}: ${g.what} (${g.reason})`);
  process.stderr.write(`\nservices: not everything ran (set REQUIRE_SERVICES=1 to make this an error):\n${lines.join("\n")}\n`);
}
