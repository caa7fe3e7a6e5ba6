// The popup and options pages, and what the writer sees when the server cannot be reached.
import path from "node:path";
import { launchWithExtension } from "./browser.mjs";
const [pageUrl] = process.argv.slice(2);
const context = await launchWithExtension({ locale: "fr-CA", args: ["--lang=fr-CA"] });
const worker = context.serviceWorkers()[0] || (await context.waitForEvent("serviceworker"));
const id = new URL(worker.url()).host;
const seen = {};

// a draft, so that the popup has a profile to show
const page = await context.newPage();
await page.goto(pageUrl);
await page.click("#rich");
await page.keyboard.type("Nous sommes fiers d'annoncer notre solution clé en main.", { delay: 3 });
await page.waitForFunction(() => (CSS.highlights.get("tonelint-press-release") || { size: 0 }).size > 0, null, { timeout: 15000 });

const popup = await context.newPage();
await popup.goto(`chrome-extension://${id}/src/popup.html`);
await popup.waitForFunction(() => document.getElementById("server-status").textContent !== "…");
seen.popupStatus = await popup.textContent("#server-status");
seen.popupTitle = await popup.textContent("h1");

const options = await context.newPage();
await options.goto(`chrome-extension://${id}/src/options.html`);
await options.waitForSelector("#rules label.rule");
seen.optionsRules = await options.locator("#rules label.rule").count();
seen.optionsServer = await options.inputValue("#serverUrl");

// the server goes away: a discreet badge, no dialog, the text is untouched
await worker.evaluate(() => chrome.storage.sync.set({ serverUrl: "http://127.0.0.1:9" }));
let dialogs = 0;
page.on("dialog", () => dialogs++);
await page.bringToFront();
await page.click("#rich");
await page.keyboard.type(" Encore un leader mondial.", { delay: 3 });
await page.waitForTimeout(1500);
seen.badge = await worker.evaluate(() => chrome.action.getBadgeText({}));
seen.title = await worker.evaluate(() => chrome.action.getTitle({}));
seen.text = await page.evaluate(() => document.querySelector("#rich").innerText.trim());
seen.dialogs = dialogs;
await popup.reload();
await popup.waitForFunction(() => document.getElementById("server-status").textContent !== "…");
seen.popupStatusDown = await popup.textContent("#server-status");
console.log(JSON.stringify(seen));
await context.close();
