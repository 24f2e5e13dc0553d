// `npm run cli -- <group> <command> [options]`. Every command accepts --json and then
// prints exactly one JSON object on stdout (errors too: {"error": ...}, exit code 2).
// On the embedded store, a running `npm start` serves the command (src/cli/transport.ts).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "./config";
import { openDatabase, type Database } from "./db/client";
import { createCommands } from "./cli/commands";
import { acquireStoreLock, runRemoteCommand, waitForServiceInfo } from "./cli/transport";
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
  let lock: ReturnType<typeof acquireStoreLock> | undefined;
  const usageError = (message: string) => fail(message.includes("usage:") ? message : `${message}\nusage: npm run cli -- ${cmd.usage}`);
  try {
    secretsFromStdin(flags, readStdin);
    const config = loadConfig();
    if (!config.databaseUrl) {
      // the embedded store: never opened beside a running service, which serves the command instead
      lock = acquireStoreLock(config.dataDir, "cli");
      if (!lock.ok) {
        if (lock.holder.role === "cli") return fail(`another \`npm run cli\` (pid ${lock.holder.pid}) is using the embedded store in ${config.dataDir}; run this when it has finished`);
        const service = await waitForServiceInfo(config.dataDir, lock.holder.pid);
        if (!service) return fail(`the service (pid ${lock.holder.pid}) holds the embedded store in ${config.dataDir} but does not answer yet; try again in a moment`);
        const r = await runRemoteCommand(service, name, flags);
        if (!r.ok) return r.usage ? usageError(r.message) : fail(r.message);
        out(flags.json ? JSON.stringify(r.json) : r.text);
        return 0;
      }
    }
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    const r = await cmd.run(db, flags);
    out(flags.json ? JSON.stringify(r.json) : r.text);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) return usageError(err.message);
    return fail(err instanceof Error ? err.message : String(err));
  } finally {
    await db?.close();
    if (lock?.ok) lock.release();
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
