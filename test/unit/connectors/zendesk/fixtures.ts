// Reads the Zendesk payload fixtures as raw bytes (what is signed) and as parsed JSON.
import fs from "node:fs";
import path from "node:path";

const DIR = path.join(__dirname, "../../../fixtures/zendesk");

export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(DIR, name));
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureBytes(name).toString("utf8")) as Record<string, unknown>;
}
