// Debian's Chromium, headless, with the unpacked extension loaded (shared by the e2e scripts).
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function launchWithExtension(options = {}) {
  // Both flags are needed: without --disable-extensions-except no extension loads.
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "tonelint-e2e-")), {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, ...options,
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
           ...(options.args || [])],
  });
}
