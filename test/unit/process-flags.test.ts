// Every process that runs the memory engine starts node with --no-regexp-tier-up (README,
// "Extraction throughput"): without it redact + extract runs about a quarter slower. node
// refuses the flag in NODE_OPTIONS, so each start command carries it; this keeps them in step.
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const FLAG = "--no-regexp-tier-up";

describe("node runs every engine process with --no-regexp-tier-up", () => {
  const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

  it.each(["start", "worker", "bench", "eval", "train", "demo"])("npm run %s", (name) => {
    expect(scripts[name]).toMatch(new RegExp(`^tsx ${FLAG} `));
  });

  it("the image's command", () => {
    expect(read("Dockerfile")).toMatch(/^CMD \["node", "--no-regexp-tier-up", "--import", "tsx", "src\/main\.ts"\]$/m);
  });

  it("both services of docker-compose", () => {
    const commands = read("docker-compose.yml").match(/command: \["node".*\]/g) ?? [];
    expect(commands).toEqual([
      'command: ["node", "--no-regexp-tier-up", "--import", "tsx", "src/main.ts"]',
      'command: ["node", "--no-regexp-tier-up", "--import", "tsx", "src/worker.ts"]',
    ]);
  });

  it("the service processes tests and benchmarks start", () => {
    expect(read("test/helpers/processes.ts")).toContain(`["${FLAG}", "--import", pathToFileURL(require.resolve("tsx")).href`);
    expect(read("bench/lib/child.ts")).toContain(`execArgv: ["${FLAG}", "--import", "tsx"]`);
  });
});
