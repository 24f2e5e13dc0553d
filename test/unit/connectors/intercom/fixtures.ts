// Reads the Intercom payload fixtures as raw bytes (what is signed) and as parsed JSON, and the
// installation the unit tests share.
import fs from "node:fs";
import path from "node:path";
import type { InstallationInfo } from "../../../../connectors/types";

const DIR = path.join(__dirname, "../../../fixtures/intercom");

export const APP_ID = "k3f9vq2x";
export const OUR_ADMIN = "7311042";
export const TEAMMATE = "5830017";
export const USER = "6762f1261bb69f9f2193bba7";
export const LEAD = "6762f0a81bb69f9f2193b9c4";
export const CONVERSATION = "215468813201174";
export const TOKEN = "dG9rOjExMjIzMzQ0OjU1NjY3Nzg4OjE6MA==";

export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(DIR, name));
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureBytes(name).toString("utf8")) as Record<string, unknown>;
}

export function installation(overrides: Partial<InstallationInfo> = {}): InstallationInfo {
  return {
    id: "inst_ic1",
    tenantId: "t_1",
    provider: "intercom",
    account: APP_ID,
    settings: { adminId: OUR_ADMIN, region: "us" },
    secrets: { accessToken: TOKEN, clientSecret: "ic-client-secret-7f3e" },
    ...overrides,
  };
}
