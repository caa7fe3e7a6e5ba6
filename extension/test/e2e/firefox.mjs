// End-to-end in Debian's Firefox (ESR), driven over WebDriver BiDi by puppeteer-core: the
// Firefox package built by build.py is installed as an add-on, then the same checks as in
// Chromium on a contenteditable and a textarea. Prints one JSON line of observations.
import path from "node:path";
import puppeteer from "puppeteer-core";
const [pageUrl, extensionZip, screenshots] = process.argv.slice(2);
const browser = await puppeteer.launch({
  browser: "firefox", executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr", headless: true,
  extraPrefsFirefox: { "xpinstall.signatures.required": false }, // a local build is not signed by Mozilla
});
const observed = { version: await browser.version() };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const underlined = (page) => page.evaluate(() => {
  const out = {};
  for (const [key, h] of CSS.highlights) if (h.size) out[key] = [...h].map((r) => r.toString());
  return out;
});
async function undo(page) {
  await page.keyboard.down("Control");
  await page.keyboard.press("z");
  await page.keyboard.up("Control");
  await sleep(300);
}
async function applyFirstSuggestion(page, point, screenshot) {
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => getComputedStyle(document.querySelector("[data-tonelint-card]")).display === "block");
  const button = await page.waitForSelector("[data-tonelint-card] >>> .suggestion");
  const box = await button.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  if (screenshot) await page.screenshot({ path: path.join(screenshots, screenshot) });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await sleep(300);
}
try {
  observed.extension = await browser.installExtension(extensionZip);
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(pageUrl);

  await page.click("#rich");
  await page.keyboard.type("Nous sommes fiers d'annoncer notre nouvelle newsletter pour nos clients.", { delay: 3 });
  await page.waitForFunction(() => (CSS.highlights.get("tonelint-peer-jargon") || { size: 0 }).size > 0, { timeout: 15000 });
  observed.rich = await underlined(page);
  await page.screenshot({ path: path.join(screenshots, "firefox-contenteditable.png") });
  await applyFirstSuggestion(page, await page.evaluate(() => {
    const r = [...CSS.highlights.get("tonelint-peer-jargon")][0].getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }), "firefox-card.png");
  observed.richApplied = await page.evaluate(() => document.querySelector("#rich").innerText.trim());
  await undo(page);
  observed.richUndone = await page.evaluate(() => document.querySelector("#rich").innerText.trim());

  await page.click("#plain");
  await page.keyboard.type("We are thrilled to announce our new service for you. Call us today!", { delay: 3 });
  await page.waitForSelector("[data-tonelint-overlay] .tonelint-self-promotion", { timeout: 15000 });
  observed.plainUnderlines = await page.evaluate(() => [...document.querySelectorAll("[data-tonelint-overlay] .tonelint-underline")]
    .map((line) => line.className.replace("tonelint-underline tonelint-", "")));
  await applyFirstSuggestion(page, await page.evaluate(() => {
    const r = document.querySelector("[data-tonelint-overlay] .tonelint-self-promotion").getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y - 6 };
  }));
  observed.plainApplied = await page.evaluate(() => document.querySelector("#plain").value);
  await undo(page);
  observed.plainUndone = await page.evaluate(() => document.querySelector("#plain").value);

  await page.click("#clean");
  await page.keyboard.type("Vous avez une question sur votre toit ? Écrivez-moi, je vous réponds vite.", { delay: 3 });
  // The field that had focus keeps its underlines until the clean field's own lint comes back:
  // wait for that reply (slow on a busy machine), not for a fixed time.
  await page.waitForFunction(() => [...CSS.highlights.values()].every((h) => h.size === 0), { timeout: 20000 })
    .catch(() => {});
  observed.clean = await underlined(page);
} catch (error) {
  observed.error = String(error.message || error).split("\n")[0];
}
console.log(JSON.stringify(observed));
await browser.close();
