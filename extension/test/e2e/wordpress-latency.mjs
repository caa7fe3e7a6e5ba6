// Time from the end of typing to underlines on screen in a real WordPress block editor (Chromium, the
// extension, the real server): a whole 1,000-word draft typed into a paragraph block, then one-word
// edits in it. The same measure as latency.mjs on the test page. Prints one JSON line.
// Usage: node wordpress-latency.mjs DRAFT_FILE RUNS; environment: WP_URL, WP_USER, WP_PASSWORD.
import { readFileSync } from "node:fs";
import { launch, logIn, newBlockPost, sleep } from "./wordpress-browser.mjs";

const [draftFile, runs] = process.argv.slice(2);
const draft = readFileSync(draftFile, "utf-8");
const { browser, close } = await launch("chromium");
const result = {};
try {
  const page = await browser.newPage();
  page.on("dialog", (dialog) => dialog.accept());
  await page.setViewport({ width: 1280, height: 900 });
  await logIn(page, process.env);
  await newBlockPost(page, process.env.WP_URL);
  await page.click(".editor-post-title__input");
  await page.keyboard.type("Mesure", { delay: 2 });
  await page.keyboard.press("Enter"); // into a paragraph block
  await sleep(1000);

  // In the page: insert text as typing would, then wait for the first frame where the underline is there.
  const measure = (insert, expect) => page.evaluate(async (insert, expect) => {
    const count = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
    const matching = (words) => [...CSS.highlights.values()].reduce((n, h) => n + [...h].filter((r) => r.toString() === words).length, 0);
    const before = count();
    const beforeMatching = expect ? matching(expect) : 0;
    const pressed = performance.now();
    document.execCommand("insertText", false, insert); // the block editor handles the input inside this call
    const typed = performance.now();
    return await new Promise((resolve) => {
      const check = () => {
        const ok = expect ? matching(expect) > beforeMatching : count() > before;
        if (ok) resolve({ afterTyping: performance.now() - typed, editorMs: typed - pressed });
        else if (performance.now() - typed > 20000) resolve({ afterTyping: -1, editorMs: typed - pressed });
        else requestAnimationFrame(check);
      };
      check();
    });
  }, insert, expect);

  const full = await measure(draft, null);
  result.full = full.afterTyping;
  result.editorMs = { full: full.editorMs, edits: [] }; // the editor's own handling of the insertion, before that
  result.edits = [];
  for (let i = 0; i < Number(runs || 10); i++) {
    await page.evaluate(() => { // caret into the middle of the paragraph block, after a space
      const block = document.querySelector("p.wp-block-paragraph");
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const nodes = []; let n; while ((n = walker.nextNode())) nodes.push(n);
      const node = nodes[Math.floor(nodes.length / 2)];
      const middle = node.nodeValue.indexOf(" ", Math.floor(node.nodeValue.length / 2)) + 1;
      const range = document.createRange(); range.setStart(node, middle); range.collapse(true);
      getSelection().removeAllRanges(); getSelection().addRange(range);
    });
    await sleep(50); // the block editor reads the selection on "selectionchange"
    const edit = await measure("newsletter ", "newsletter");
    result.edits.push(edit.afterTyping);
    result.editorMs.edits.push(edit.editorMs);
    await sleep(300);
  }
} catch (error) {
  result.error = String(error.message || error).split("\n")[0];
}
console.log(JSON.stringify(result));
await close();
