import { defineConfig } from "prisma/config";

// Used by the ordinary Prisma CLI (`npx prisma migrate deploy`, `prisma studio`) on a
// machine that can download Prisma's native schema engine. Offline, use the npm scripts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
