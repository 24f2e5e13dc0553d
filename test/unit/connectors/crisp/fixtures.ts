// Reads the Crisp payload fixtures as raw bytes (what is signed) and as parsed JSON, and the ids
// they share.
import fs from "node:fs";
import path from "node:path";
import type { InstallationInfo } from "../../../../connectors/types";

const DIR = path.join(__dirname, "../../../fixtures/crisp");

export const WEBSITE = "1f7b9e1c-5c8a-4d8e-9b61-3c2a7e0d4f52";
export const SESSION = "session_6b1c7d0e-2f4a-4c9b-8e3d-5a7f9b2c1d0e";
export const PEOPLE = "2a4e6c8b-1d3f-4a5b-9c7e-0f2d4b6a8c1e";
export const IDENTIFIER = "7c3ef21c-1e04-41ce-8c06-5605c346f73e";
export const KEY = "cc29e1a5086e428fcc6a697d5837a66d82808e65c5cce006fbf2191ceea80a0a";
export const BASIC = `Basic ${Buffer.from(`${IDENTIFIER}:${KEY}`).toString("base64")}`;
export const API = "https://api.crisp.chat";

export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(DIR, name));
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureBytes(name).toString("utf8")) as Record<string, unknown>;
}

export function installation(over: Partial<InstallationInfo> = {}): InstallationInfo {
  return {
    id: "inst_crisp_1",
    tenantId: "t_1",
    provider: "crisp",
    account: WEBSITE,
    settings: { mode: "plugin" },
    secrets: { identifier: IDENTIFIER, key: KEY, signingSecret: "plugin-hook-secret" },
    ...over,
  };
}
