// End-to-end in WordPress's block editor (Gutenberg), where each paragraph is its own
// contenteditable: the whole post is linted as one text and underlined across blocks.
import path from "node:path";
import { launchWithExtension } from "./browser.mjs";
const [pageUrl, screenshots] = process.argv.slice(2);
const context = await launchWithExtension();
const page = await context.newPage();
await page.setViewportSize({ width: 1280, height: 900 });
await page.goto(pageUrl);
const observed = {};
const underlined = () => page.evaluate(() => {
  const out = {};
  for (const [key, h] of CSS.highlights) if (h.size) out[key] = [...h].map((r) => r.toString());
  return out;
});
const paragraphs = () => page.evaluate(() => [...document.querySelectorAll(".block-editor-rich-text__editable")].map((p) => p.innerText));
try {
  await page.click(".block-editor-default-block-appender__content");
  await page.keyboard.type("Nous sommes fiers d'annoncer notre nouvelle newsletter.", { delay: 3 });
  await page.keyboard.press("Enter"); // a second paragraph block: the writer is now in another contenteditable
  await page.keyboard.type("Vous avez une question ? Écrivez-moi, je vous réponds.", { delay: 3 });
  await page.waitForTimeout(1100);
  await page.waitForFunction(() => (CSS.highlights.get("tonelint-peer-jargon") || { size: 0 }).size > 0, null, { timeout: 15000 });
  observed.paragraphs = await paragraphs();
  observed.underlined = await underlined();
  await page.screenshot({ path: path.join(screenshots, "gutenberg.png") });
  const rect = await page.evaluate(() => {
    const r = [...CSS.highlights.get("tonelint-peer-jargon")][0].getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(rect.x, rect.y);
  await page.waitForFunction(() => getComputedStyle(document.querySelector("[data-tonelint-card]")).display === "block");
  const button = page.locator("[data-tonelint-card] .suggestion").first();
  await button.hover();
  await page.screenshot({ path: path.join(screenshots, "card-gutenberg.png") });
  await button.click();
  await page.waitForTimeout(500);
  observed.applied = await paragraphs();
  observed.savedApplied = await page.evaluate(() => window.savedPost());
  await page.keyboard.press("Control+z");
  await page.waitForTimeout(500);
  observed.undone = await paragraphs();
  observed.savedUndone = await page.evaluate(() => window.savedPost());
  // The editor re-rendered the block on undo (no input event): the underlines follow the new text.
  await page.waitForFunction(() => (CSS.highlights.get("tonelint-peer-jargon") || { size: 0 }).size > 0, null, { timeout: 15000 });
  observed.underlinedAfterUndo = await underlined();
  // Selecting across blocks makes Gutenberg's wrapper the editable element: still the same draft.
  await page.click(".block-editor-rich-text__editable >> nth=1");
  await page.keyboard.press("End");
  await page.keyboard.down("Shift");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.up("Shift");
  await page.waitForTimeout(1000);
  observed.multiSelected = await page.evaluate(() => document.querySelectorAll(".is-multi-selected").length);
  observed.underlinedInMultiSelection = await underlined();
} catch (error) {
  observed.error = String(error.message || error).split("\n")[0];
}
console.log(JSON.stringify(observed));
await context.close();
