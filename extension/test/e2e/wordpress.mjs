// End to end in a real WordPress (Debian's package, a throwaway site made by tests/wordpress_site.py),
// in Debian's Chromium or Firefox ESR driven by puppeteer-core, with the packed extension and the real
// server (started with a token): the options page gets the token, then the block editor and the
// classic editor (TinyMCE in its iframe) are used as a writer would. Prints one JSON line of
// observations; the saved posts are read back through WordPress's REST API by the Python test.
// Usage: node wordpress.mjs chromium|firefox ARTEFACTS [FIREFOX_ZIP]
// Environment: WP_URL, WP_USER, WP_PASSWORD, TONELINT_TOKEN (and CHROMIUM / FIREFOX).
import path from "node:path";
import { WAIT_MS, launch, logIn, newBlockPost as openNewPost, setToken, sleep } from "./wordpress-browser.mjs";

const [browserName, artefacts, firefoxZip] = process.argv.slice(2);
const { WP_URL, TONELINT_TOKEN } = process.env;
const newBlockPost = (page) => openNewPost(page, WP_URL);
const shot = (page, name) => page.screenshot({ path: path.join(artefacts, `wp-${name}-${browserName}.png`) });

// What the extension underlined in a frame: highlight name -> the underlined words, in order.
const underlined = (frame) => frame.evaluate(() => {
  const out = {};
  for (const [name, h] of CSS.highlights) if (h.size) out[name] = [...h].map((r) => r.toString());
  return out;
});

/** Poll until `read()` gives `expected` (compared as JSON), or the time is up; the last reading either way. */
async function until(read, expected, ms = WAIT_MS) {
  const deadline = Date.now() + ms;
  let seen = await read();
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
    await sleep(150);
    seen = await read();
  }
  return seen;
}

const sorted = (words) => Object.fromEntries(Object.entries(words).map(([k, v]) => [k, [...v].sort()]));

/** Hover the n-th underline of a category in a frame, show the card, click its first suggestion. */
async function applySuggestion(page, frame, category, index, screenshot) {
  const point = await frame.evaluate((name, n) => {
    const r = [...CSS.highlights.get(name)][n].getClientRects()[0];
    const frameBox = frameElement ? frameElement.getBoundingClientRect() : { x: 0, y: 0 };
    return { x: frameBox.x + r.x + r.width / 2, y: frameBox.y + r.y + r.height / 2 };
  }, "tonelint-" + category, index);
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  await frame.waitForFunction(() => getComputedStyle(document.querySelector("[data-tonelint-card]")).display === "block",
                              { timeout: WAIT_MS });
  const button = await frame.waitForSelector("[data-tonelint-card] >>> .suggestion");
  const box = await button.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  if (screenshot) await shot(page, screenshot);
  const suggestion = await button.evaluate((b) => b.textContent);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await sleep(300);
  return suggestion;
}

// The block editor, read through WordPress's own data stores (what it will save).
const blocks = (page) => page.evaluate(() => wp.data.select("core/block-editor").getBlocks()
  .map((b) => [b.name, b.attributes.content !== undefined ? String(b.attributes.content) : String(b.attributes.values)]));
const postTitle = (page) => page.evaluate(() => wp.data.select("core/editor").getEditedPostAttribute("title"));

async function saveBlockDraft(page) {
  await page.waitForSelector(".editor-post-save-draft", { timeout: WAIT_MS });
  await page.click(".editor-post-save-draft");
  await page.waitForFunction(() => {
    const editor = wp.data.select("core/editor");
    return !editor.isSavingPost() && !editor.isEditedPostDirty() && editor.getCurrentPost().status === "draft";
  }, { timeout: WAIT_MS });
  return page.evaluate(() => wp.data.select("core/editor").getCurrentPostId());
}

// French: a title, a heading and two paragraphs (the heading through WordPress's "## " shortcut).
const FR = {
  title: "Un leader mondial arrive",
  heading: "Une newsletter pour nos clients",
  first: "Nous sommes fiers d'annoncer notre nouvelle newsletter.",
  second: "Vous avez une question ? Écrivez-moi, je vous réponds.",
};
const FR_UNDERLINED = { "tonelint-press-release": ["leader mondial", "fiers d'annoncer"],
                        "tonelint-peer-jargon": ["newsletter", "newsletter"] };

async function blockEditor(page, seen) {
  await newBlockPost(page);
  seen.adminBar = await page.evaluate(() => Boolean(document.querySelector("#wpadminbar")));
  seen.pluginScripts = await page.evaluate(() => [...document.scripts].filter((s) => /\/wp-content\/plugins\//.test(s.src)).length);
  await page.click(".editor-post-title__input");
  await page.keyboard.type(FR.title, { delay: 2 });
  await page.keyboard.press("Enter"); // out of the title, into a first paragraph block
  await page.keyboard.type("## " + FR.heading, { delay: 2 });
  await page.keyboard.press("Enter");
  await page.keyboard.type(FR.first, { delay: 2 });
  await page.keyboard.press("Enter");
  await page.keyboard.type(FR.second, { delay: 2 });
  seen.typed = { title: await postTitle(page), blocks: await blocks(page) };
  seen.underlined = await until(() => underlined(page), FR_UNDERLINED);
  await shot(page, "block-editor");
  seen.suggestion = await applySuggestion(page, page.mainFrame(), "peer-jargon", 1, "block-editor-card");
  seen.applied = await until(() => blocks(page), [["core/heading", FR.heading],
    ["core/paragraph", FR.first.replace("newsletter", "infolettre")], ["core/paragraph", FR.second]], 3000);
  seen.underlinedAfterApply = await until(() => underlined(page), {
    "tonelint-press-release": FR_UNDERLINED["tonelint-press-release"], "tonelint-peer-jargon": ["newsletter"] });
  // WordPress's own undo and redo (the toolbar's buttons)
  await page.click(".editor-history__undo");
  seen.undone = await until(() => blocks(page), seen.typed.blocks, 3000);
  seen.underlinedAfterUndo = await until(() => underlined(page), FR_UNDERLINED);
  seen.firstPostId = await saveBlockDraft(page); // saved once with the words as typed...
  await page.click(".editor-history__redo");
  seen.redone = await until(() => blocks(page), seen.applied, 3000);
  await page.evaluate(() => wp.data.dispatch("core/editor").autosave());
  await sleep(500);
  await saveBlockDraft(page); // ...then with the suggestion: a revision of each
  seen.block = { id: seen.firstPostId, title: await postTitle(page), blocks: await blocks(page) };
}

// Blocks moved, split, merged, converted to a list, the code editor and back: underlines follow.
const RE = {
  first: "Nous sommes fiers d'annoncer notre nouvelle newsletter.",
  second: "Un leader mondial de la toiture vous répond.",
  third: "Vous avez une question ? Écrivez-moi.",
};
const RE_UNDERLINED = sorted({ "tonelint-press-release": ["fiers d'annoncer", "leader mondial"],
                               "tonelint-peer-jargon": ["newsletter"] });

async function rerenders(page, seen) {
  await newBlockPost(page);
  await page.click(".editor-post-title__input");
  await page.keyboard.type("Nouvelles", { delay: 2 });
  for (const [i, text] of [RE.first, RE.second, RE.third].entries()) {
    await page.keyboard.press("Enter");
    await page.keyboard.type(text, { delay: 2 });
  }
  const words = async () => sorted(await underlined(page));
  const out = (seen.rerender = {});
  out.typed = await until(words, RE_UNDERLINED);
  const ids = () => page.evaluate(() => wp.data.select("core/block-editor").getBlockOrder());
  await page.evaluate((id) => wp.data.dispatch("core/block-editor").moveBlocksUp([id]), (await ids())[1]);
  out.movedOrder = (await blocks(page)).map(([, text]) => text);
  out.moved = await until(words, RE_UNDERLINED);
  // split the block that starts "Nous sommes" after "d'annoncer", with the keyboard, then merge it back
  const paragraph = await page.evaluateHandle((text) => [...document.querySelectorAll("p.wp-block-paragraph")]
    .find((p) => p.textContent === text), RE.first);
  await paragraph.click();
  await page.keyboard.press("End");
  for (let i = 0; i < " notre nouvelle newsletter.".length; i++) await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  out.split = (await blocks(page)).map(([, text]) => text);
  out.splitUnderlined = await until(words, RE_UNDERLINED);
  await page.keyboard.press("Backspace");
  out.merged = (await blocks(page)).map(([, text]) => text);
  out.mergedUnderlined = await until(words, RE_UNDERLINED);
  // convert the paragraph with "newsletter" to a list, as the block's Transform menu does
  await page.evaluate((text) => {
    const editor = wp.data.select("core/block-editor");
    const block = editor.getBlocks().find((b) => b.attributes.content === text);
    wp.data.dispatch("core/block-editor").replaceBlocks(block.clientId, wp.blocks.switchToBlockType(block, "core/list"));
  }, RE.first);
  out.converted = (await blocks(page)).map(([name]) => name);
  out.listUnderlined = await until(words, RE_UNDERLINED);
  // the code editor (a textarea: its own underlines) and back to the visual editor
  await page.evaluate(() => wp.data.dispatch("core/edit-post").switchEditorMode("text"));
  await page.waitForSelector("textarea.editor-post-text-editor", { timeout: WAIT_MS });
  await page.click("textarea.editor-post-text-editor");
  await page.keyboard.press("End");
  out.codeEditorUnderlines = await until(() => page.evaluate(() => [...document.querySelectorAll(
    "[data-tonelint-overlay] .tonelint-underline")].map((line) => line.classList[1]).sort()),
    ["tonelint-peer-jargon", "tonelint-press-release", "tonelint-press-release"]);
  await page.evaluate(() => wp.data.dispatch("core/edit-post").switchEditorMode("visual"));
  await page.waitForSelector(".wp-block-paragraph", { timeout: WAIT_MS });
  await page.click(".wp-block-paragraph");
  out.backFromCode = await until(words, RE_UNDERLINED);
  out.id = await saveBlockDraft(page);
}

// An English post, once per browser.
const EN = "We are thrilled to announce our new service for you. Call us today!";

async function english(page, seen) {
  await newBlockPost(page);
  await page.click(".editor-post-title__input");
  await page.keyboard.type("Our news", { delay: 2 });
  await page.keyboard.press("Enter");
  await page.keyboard.type(EN, { delay: 2 });
  const out = (seen.english = {});
  out.underlined = await until(() => underlined(page), { "tonelint-press-release": ["thrilled to announce"],
                                                         "tonelint-self-promotion": ["Call us today"] });
  out.suggestion = await applySuggestion(page, page.mainFrame(), "self-promotion", 0);
  out.blocks = await until(() => blocks(page), [["core/paragraph", EN.replace("Call us today", "Questions? Just reply")]], 3000);
  out.id = await saveBlockDraft(page);
}

// The classic editor: the title field, then TinyMCE in its iframe ("## " is WordPress's heading shortcut there).
async function classicEditor(page, seen) {
  await page.goto(WP_URL + "/wp-admin/post-new.php?classic-editor");
  await page.waitForFunction(() => window.tinymce && tinymce.get("content") && tinymce.get("content").initialized,
                             { timeout: 30000 });
  const out = (seen.classic = {});
  out.id = await page.$eval("#post_ID", (input) => Number(input.value));
  await page.click("#title");
  await page.keyboard.type(FR.title, { delay: 2 });
  const titleLines = () => page.evaluate(() => {
    const field = document.querySelector("#title").getBoundingClientRect();
    return [...document.querySelectorAll("[data-tonelint-overlay] .tonelint-underline")].map((line) => {
      const r = line.getBoundingClientRect();
      return { category: line.classList[1], inside: r.left >= field.left && r.right <= field.right &&
               r.top >= field.top && r.bottom <= field.bottom, left: Math.round(r.left - field.left), width: Math.round(r.width) };
    });
  });
  out.titleUnderlines = (await until(async () => (await titleLines()).map((l) => l.category), ["tonelint-press-release"]));
  out.titleLine = (await titleLines())[0];
  // where the words are in the field, measured with a canvas in the field's font
  out.titleWords = await page.evaluate((words) => {
    const field = document.querySelector("#title");
    const style = getComputedStyle(field);
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const before = field.value.slice(0, field.value.indexOf(words));
    return { left: Math.round(parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth) + context.measureText(before).width),
             width: Math.round(context.measureText(words).width) };
  }, "leader mondial");
  const frame = await (await page.$("#content_ifr")).contentFrame();
  await page.click("#content_ifr");
  await page.keyboard.type("## " + FR.heading, { delay: 2 });
  await page.keyboard.press("Enter");
  await page.keyboard.type(FR.first, { delay: 2 });
  await page.keyboard.press("Enter");
  await page.keyboard.type(FR.second, { delay: 2 });
  const content = () => page.evaluate(() => tinymce.get("content").getContent());
  out.typed = await content();
  out.underlined = await until(() => underlined(frame), { "tonelint-peer-jargon": ["newsletter", "newsletter"],
                                                          "tonelint-press-release": ["fiers d'annoncer"] });
  await shot(page, "classic-editor");
  out.suggestion = await applySuggestion(page, frame, "peer-jargon", 1, "classic-editor-card");
  out.applied = await content();
  // TinyMCE's own undo and redo (its keyboard shortcuts)
  await page.keyboard.down("Control");
  await page.keyboard.press("z");
  await page.keyboard.up("Control");
  await sleep(300);
  out.undone = await content();
  await page.keyboard.down("Control");
  await page.keyboard.press("y");
  await page.keyboard.up("Control");
  await sleep(300);
  out.redone = await content();
  out.underlinedAfterRedo = await until(() => underlined(frame), { "tonelint-peer-jargon": ["newsletter"],
                                                                   "tonelint-press-release": ["fiers d'annoncer"] });
  await page.evaluate(() => wp.autosave && wp.autosave.server.triggerSave());
  await sleep(1000);
  await Promise.all([page.waitForNavigation({ timeout: 30000 }), page.click("#save-post")]);
  out.savedPage = await page.evaluate(() => Boolean(document.querySelector("#content_ifr")) && location.search);
}

// A wrong token: the badge and its title say so, never a dialog; the writer's text stays as it is.
async function wrongToken(browser, page, optionsUrl, seen) {
  const options = await setToken(browser, optionsUrl, "not-the-token-" + "x".repeat(16));
  await page.bringToFront();
  await newBlockPost(page);
  await page.click(".editor-post-title__input");
  await page.keyboard.type("Un leader mondial", { delay: 2 });
  await sleep(2500);
  const api = "(globalThis.browser || globalThis.chrome).action";
  seen.wrongToken = {
    badge: await options.evaluate(`${api}.getBadgeText({})`),
    title: await options.evaluate(`${api}.getTitle({})`),
    underlined: await underlined(page),
    text: await postTitle(page),
  };
}

const seen = { browser: browserName };
const { browser, options, close } = await launch(browserName, firefoxZip);
let dialogs = 0; // WordPress's own "leave the page?" is not ours; any other dialog would be
try {
  seen.version = await browser.version();
  await (await setToken(browser, options, TONELINT_TOKEN)).close();
  const page = await browser.newPage();
  page.on("dialog", (dialog) => { if (dialog.type() !== "beforeunload") dialogs++; dialog.accept(); });
  await page.setViewport({ width: 1280, height: 900 });
  await logIn(page, process.env);
  for (const [name, step] of [["block", blockEditor], ["rerender", rerenders], ["english", english], ["classic", classicEditor]]) {
    try {
      await step(page, seen);
    } catch (error) {
      seen[name + "Error"] = String(error.message || error).split("\n")[0];
      await shot(page, "failure-" + name).catch(() => {});
    }
  }
  await wrongToken(browser, page, options, seen);
} catch (error) {
  seen.error = String(error.message || error).split("\n")[0];
}
seen.dialogs = dialogs;
console.log(JSON.stringify(seen));
await close();
