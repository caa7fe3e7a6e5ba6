// Time from the end of typing to underlines on screen, in a contenteditable, through the
// real extension and server: a whole 1,000-word draft, then one-word edits in it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { launchWithExtension } from "./browser.mjs";
const [pageUrl, draftFile, runs] = process.argv.slice(2);
const draft = readFileSync(draftFile, "utf-8");
const context = await launchWithExtension();
const page = await context.newPage();
await page.goto(pageUrl);
await page.click("#rich");

// In the page: insert text as typing would, then wait for the first frame where `done()` holds.
const measure = (insert, expect) => page.evaluate(async ([insert, expect]) => {
  const count = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
  const matching = (words) => [...CSS.highlights.values()].reduce((n, h) => n + [...h].filter((r) => r.toString() === words).length, 0);
  const before = count();
  const beforeMatching = expect ? matching(expect) : 0;
  document.execCommand("insertText", false, insert);
  const typed = performance.now();
  return await new Promise((resolve) => {
    const check = () => {
      const ok = expect ? matching(expect) > beforeMatching : count() > before;
      if (ok) resolve(performance.now() - typed);
      else if (performance.now() - typed > 20000) resolve(-1);
      else requestAnimationFrame(check);
    };
    check();
  });
}, [insert, expect]);

const full = await measure(draft, null);
const edits = [];
for (let i = 0; i < Number(runs || 10); i++) {
  await page.evaluate(() => { // caret into the middle of the draft
    const root = document.querySelector("#rich");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = []; let n; while ((n = walker.nextNode())) nodes.push(n);
    const node = nodes[Math.floor(nodes.length / 2)];
    const range = document.createRange(); range.setStart(node, node.nodeValue.indexOf(" ") + 1); range.collapse(true);
    getSelection().removeAllRanges(); getSelection().addRange(range);
  });
  edits.push(await measure("newsletter ", "newsletter"));
  await page.waitForTimeout(300);
}
console.log(JSON.stringify({ full, edits }));
await context.close();
