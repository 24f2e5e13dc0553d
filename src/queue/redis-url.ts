// REDIS_URL → ioredis connection options. BullMQ is handed options, not a client: it then
// owns (and closes) its connections, and each Queue/Worker can tune its own.

export type RedisConnectionOptions = {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
};

export type ParsedRedisUrl = { ok: true; options: RedisConnectionOptions } | { ok: false; message: string };

export function parseRedisUrl(url: string): ParsedRedisUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, message: "REDIS_URL is not a URL" };
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") {
    return { ok: false, message: `REDIS_URL must start with redis:// or rediss://, not ${u.protocol}//` };
  }
  const options: RedisConnectionOptions = {
    // URL keeps the brackets of an IPv6 literal; the socket wants the bare address
    host: u.hostname.replace(/^\[(.*)\]$/, "$1") || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
  };
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  const db = u.pathname.replace(/^\//, "");
  if (db) {
    if (!/^\d+$/.test(db)) return { ok: false, message: `REDIS_URL database must be a number, not ${JSON.stringify(db)}` };
    options.db = Number(db);
  }
  if (u.protocol === "rediss:") options.tls = {};
  return { ok: true, options };
}
