// `npm run cli -- <group> <command> [options]`. Every command accepts --json and then
// prints exactly one JSON object on stdout (errors too: {"error": ...}, exit code 2).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "./config";
import { openDatabase, type Database } from "./db/client";
import { createCommands } from "./cli/commands";
import { CliUsageError as UsageError, INSTALLATION_CLI_OPTIONS, secretsFromStdin, type Flags } from "./cli/installations";

const COMMANDS = createCommands({ config: loadConfig });

export async function runCli(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + "\n"),
  readStdin: () => string = () => fs.readFileSync(0, "utf8"),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      ...INSTALLATION_CLI_OPTIONS,
      json: { type: "boolean" },
      help: { type: "boolean" },
      name: { type: "string" },
      tenant: { type: "string" },
      label: { type: "string" },
      key: { type: "string" },
    },
  });
  const flags = values as Flags;
  const three = positionals.slice(0, 3).join(" ");
  const name = COMMANDS[three] ? three : positionals.slice(0, 2).join(" ");
  const cmd = COMMANDS[name];
  const fail = (message: string) => {
    out(flags.json ? JSON.stringify({ error: message }) : `error: ${message}`);
    return 2;
  };
  if (!cmd || flags.help) {
    const usage = Object.values(COMMANDS).map((c) => `  npm run cli -- ${c.usage} [--json]`).join("\n");
    if (flags.help) return out(`usage:\n${usage}`), 0;
    return fail(`unknown command ${JSON.stringify(name)}; commands:\n${usage}`);
  }
  let db: Database | undefined;
  try {
    secretsFromStdin(flags, readStdin);
    const config = loadConfig();
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    const r = await cmd.run(db, flags);
    out(flags.json ? JSON.stringify(r.json) : r.text);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message.includes("usage:") ? err.message : `${err.message}\nusage: npm run cli -- ${cmd.usage}`);
    return fail(err instanceof Error ? err.message : String(err));
  } finally {
    await db?.close();
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
