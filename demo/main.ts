// `npm run demo`: the support desk demo in a terminal. Interactive on a terminal; with
// `--script file.txt` (or `--script -`, or any stdin that is not a terminal) it reads the
// commands and messages from there, echoes each, and exits at the end.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { loadConfigOrExit } from "../src/config";
import { connectMemory } from "./memory-api";
import { startDemoService } from "./service";
import { createSession, HELP } from "./session";

const USAGE = "usage: npm run demo [-- --script <file|->]";

function parseArgs(argv: string[]): { script?: string } | { error: string } {
  const out: { script?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--script") {
      const file = argv[++i];
      if (!file) return { error: "--script: needs a file name (or - for stdin)" };
      out.script = file;
    } else if (a.startsWith("--script=")) out.script = a.slice("--script=".length);
    else if (a === "--help" || a === "-h") return { error: USAGE };
    else return { error: `unknown argument ${a}\n${USAGE}` };
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ("error" in args) {
    console.error(args.error);
    return 2;
  }
  if (args.script && args.script !== "-" && !fs.existsSync(args.script)) {
    console.error(`--script: no file ${args.script}`);
    return 2;
  }
  const config = loadConfigOrExit();
  const interactive = !args.script && process.stdin.isTTY === true;
  const print = (line: string) => process.stdout.write(`${line}\n`);

  const service = await startDemoService(config);
  const relative = path.relative(process.cwd(), service.dataDir);
  const where = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? `./${relative}` : service.dataDir;
  print(`Support desk demo. Memory service ${service.baseUrl} (embedded, data in ${where}), extractor: ${service.extractor}.`);
  print(config.llm ? `Replies: model ${config.llm.model} at LLM_BASE_URL, with the seed's support prompt.` : "Replies: templates (set LLM_BASE_URL, LLM_MODEL and LLM_API_KEY to use a model).");
  if (interactive) print(HELP.join("\n"));

  const memory = connectMemory({ apiKey: service.apiKey, baseUrl: service.baseUrl });
  const session = createSession({ memory, service, llm: config.llm, print });
  const input = args.script && args.script !== "-" ? fs.createReadStream(args.script) : process.stdin;
  const rl = readline.createInterface({ input, output: interactive ? process.stdout : undefined, terminal: interactive });
  // Ctrl-C or a stop signal ends the loop, so the database is closed cleanly.
  rl.on("SIGINT", () => rl.close());
  process.once("SIGTERM", () => rl.close());
  let code = 0;
  if (interactive) {
    rl.setPrompt("you> ");
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    // A script may hold comments and blank lines; they are not echoed.
    if (!interactive && (line === "" || line.startsWith("#"))) continue;
    if (!interactive) print(`\nyou> ${line}`);
    let go = true;
    try {
      go = await session.handle(line);
    } catch (err) {
      code = 1;
      print(`error: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!go) break;
    if (interactive) rl.prompt();
  }
  rl.close();
  await service.close();
  return code;
}

void main().then(
  (code) => {
    process.exitCode = code;
    // Nothing should hold the loop open now; if something does, do not hang a script.
    setTimeout(() => process.exit(code), 2000).unref();
  },
  (err) => {
    console.error("demo failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
