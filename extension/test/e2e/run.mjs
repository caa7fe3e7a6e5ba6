// End-to-end: the unpacked extension in Debian's headless Chromium, a real tonelint server,
// a local page with editors. Prints one JSON line of observations for the Python test to check.
import path from "node:path";
import { launchWithExtension } from "./browser.mjs";
const [pageUrl, screenshots] = process.argv.slice(2);
const context = await launchWithExtension();
const page = await context.newPage();
await page.goto(pageUrl);
const observed = {};
const DRAFT_FR = "Nous sommes fiers d'annoncer notre nouvelle newsletter pour nos clients.";
const DRAFT_EN = "We are thrilled to announce our new service for you. Call us today!";

const richRanges = () => {
  const out = {};
  for (const [name, h] of CSS.highlights) out[name] = [...h].map((r) => r.toString());
  return out;
};

let cardWhy = null;
async function openCardAndApply(rect, screenshot) {
  await page.mouse.move(rect.x, rect.y);
  await page.waitForFunction(() => getComputedStyle(document.querySelector("[data-tonelint-card]")).display === "block");
  const button = page.locator("[data-tonelint-card] .suggestion").first();
  await button.hover();
  cardWhy = await page.locator("[data-tonelint-card] .why").textContent().catch(() => null);
  if (screenshot) await page.screenshot({ path: path.join(screenshots, screenshot) });
  await button.click();
  await page.waitForTimeout(250);
}

// contenteditable: underlines exactly on the flagged words, card, apply, undo
await page.click("#rich");
await page.keyboard.type(DRAFT_FR, { delay: 3 });
await page.waitForFunction(() => (CSS.highlights.get("tonelint-peer-jargon") || { size: 0 }).size > 0, null, { timeout: 15000 });
observed.rich = await page.evaluate(richRanges);
await page.screenshot({ path: path.join(screenshots, "contenteditable.png") });
await openCardAndApply(await page.evaluate(() => {
  const r = [...CSS.highlights.get("tonelint-peer-jargon")][0].getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}), "card.png");
observed.richApplied = await page.evaluate(() => document.querySelector("#rich").innerText.trim());
observed.why = cardWhy;
await page.keyboard.press("Control+z");
await page.waitForTimeout(150);
observed.richUndone = await page.evaluate(() => document.querySelector("#rich").innerText.trim());

// textarea: overlay underlines under the flagged words, apply, undo
await page.click("#plain");
await page.keyboard.type(DRAFT_EN, { delay: 3 });
await page.waitForSelector("[data-tonelint-overlay] .tonelint-self-promotion", { timeout: 15000 });
observed.plainUnderlines = await page.evaluate(() => [...document.querySelectorAll("[data-tonelint-overlay] .tonelint-underline")]
  .map((l) => l.className.replace("tonelint-underline tonelint-", "")));
await openCardAndApply(await page.evaluate(() => {
  const r = document.querySelector("[data-tonelint-overlay] .tonelint-self-promotion").getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y - 6 };
}));
observed.plainApplied = await page.evaluate(() => document.querySelector("#plain").value);
await page.keyboard.press("Control+z");
await page.waitForTimeout(150);
observed.plainUndone = await page.evaluate(() => document.querySelector("#plain").value);

// a clean draft: nothing underlined
await page.click("#clean");
await page.keyboard.type("Vous avez une question sur votre toit ? Écrivez-moi, je vous réponds vite.", { delay: 3 });
// the underlines of the field focused before stay until the clean field's own lint comes back:
// wait for that reply (slow on a busy machine), not for a fixed time
await page.waitForFunction(() => [...CSS.highlights.values()].every((h) => h.size === 0), null, { timeout: 20000 })
  .catch(() => {});
observed.clean = await page.evaluate(richRanges);
console.log(JSON.stringify(observed));
await context.close();
