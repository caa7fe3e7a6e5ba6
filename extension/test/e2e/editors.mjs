// End-to-end in real editor libraries from npm (Quill, CKEditor 5, TinyMCE in its iframe, ProseMirror, Lexical):
// type a French draft, wait for the underlines, apply the suggestion from the card, undo;
// then an English draft in the same editor.
import path from "node:path";
import { launchWithExtension } from "./browser.mjs";
const [pageUrl, screenshots] = process.argv.slice(2);
const context = await launchWithExtension();
const page = await context.newPage();
// A laptop screen: the lower editors are scrolled to, and their card opens above the words,
// over another editor (where a click that went through the card once stole the focus).
await page.setViewportSize({ width: 1280, height: Number(process.env.VIEWPORT_HEIGHT || 720) });
await page.goto(pageUrl);
await page.evaluate(() => window.editorsReady);
const DRAFT = "Nous sommes fiers d'annoncer notre nouvelle newsletter pour nos clients.";
const DRAFT_EN = "We are thrilled to announce our new service for you. Call us today!";
const EDITORS = {
  quill: { frame: () => page.mainFrame(), editable: "#quill .ql-editor" },
  ckeditor: { frame: () => page.mainFrame(), editable: ".ck-editor__editable" },
  tinymce: { frame: () => page.frames().find((f) => f !== page.mainFrame() && f.parentFrame() === page.mainFrame()), editable: "body" },
  prosemirror: { frame: () => page.mainFrame(), editable: "#prosemirror .ProseMirror" },
  lexical: { frame: () => page.mainFrame(), editable: "#lexical" },
};
const observed = {};
for (const [name, spec] of Object.entries(EDITORS)) {
  const result = (observed[name] = {});
  try {
    const frame = spec.frame();
    const offset = frame === page.mainFrame() ? { x: 0, y: 0 } : await (await frame.frameElement()).boundingBox();
    await frame.click(spec.editable);
    await page.keyboard.type(DRAFT, { delay: 3 });
    await page.waitForTimeout(1100); // a writer's pause: editors group quick edits into one undo step
    await frame.waitForFunction(() => (CSS.highlights.get("tonelint-peer-jargon") || { size: 0 }).size > 0, null, { timeout: 15000 });
    result.underlined = await frame.evaluate(() => {
      const out = {};
      for (const [key, h] of CSS.highlights) if (h.size) out[key] = [...h].map((r) => r.toString());
      return out;
    });
    const rect = await frame.evaluate(() => {
      const r = [...CSS.highlights.get("tonelint-peer-jargon")][0].getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(offset.x + rect.x, offset.y + rect.y);
    await frame.waitForFunction(() => getComputedStyle(document.querySelector("[data-tonelint-card]")).display === "block");
    const button = frame.locator("[data-tonelint-card] .suggestion").first();
    await button.hover();
    await page.screenshot({ path: path.join(screenshots, `card-${name}.png`) });
    await button.click();
    await page.waitForTimeout(300);
    result.applied = await page.evaluate((n) => window.editorText[n](), name);
    await page.keyboard.press("Control+z");
    await page.waitForTimeout(300);
    result.undone = await page.evaluate((n) => window.editorText[n](), name);
    // The same editor, now in English: the language is detected again, the underlines follow.
    await page.keyboard.press("Control+a");
    await page.keyboard.type(DRAFT_EN, { delay: 3 });
    await frame.waitForFunction(() => [...(CSS.highlights.get("tonelint-press-release") || [])]
      .some((r) => r.toString() === "thrilled to announce"), null, { timeout: 15000 });
    result.english = await frame.evaluate(() => {
      const out = {};
      for (const [key, h] of CSS.highlights) if (h.size) out[key] = [...h].map((r) => r.toString());
      return out;
    });
  } catch (error) {
    result.error = String(error.message || error).split("\n")[0];
  }
}
console.log(JSON.stringify(observed));
await context.close();
