// Debian's chromium driven by playwright-core (which never downloads a browser): a fresh
// profile per run, and a screenshot of every page a journey visits.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const SCREENSHOT_DIR = path.join(__dirname, "screenshots");
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => Boolean(p) && fs.existsSync(p!));
  if (!found) throw new Error("no chromium: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH");
  return found;
}

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type Browser = { context: BrowserContext; page: Page; dir: string; close(): Promise<void> };

export async function openBrowser(origin: string): Promise<Browser> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hm-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    dir,
    async close() {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let shots = 0;
/**
 * Saves the page as screenshots/<test file>/<nn>-<name>.png (full page). The first call of a
 * test file clears that file's folder only: the journeys of other files keep theirs.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const suite = path.basename(expect.getState().testPath ?? "console", ".test.ts");
  const dir = path.join(SCREENSHOT_DIR, suite);
  if (shots === 0) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${String(++shots).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
