"use strict";
// WordPress's post titles belong to the draft: the block editor's title is linted with the blocks
// (one draft: the canvas that holds both), the classic editor's one-line title field is linted on its own.
// Fake elements (no DOM here): just what the detect functions read.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const MANIFEST = JSON.parse(fs.readFileSync(path.join(__dirname, "../manifest.json"), "utf8"));

function loadEditors() {
  const context = vm.createContext({ TonelintTextMap: {}, TonelintStyle: { highlightName: (c) => "tonelint-" + c } });
  for (const file of MANIFEST.content_scripts[0].js.filter((f) => /content\/(registry|editors\/)/.test(f))) {
    vm.runInContext(fs.readFileSync(path.join(__dirname, "..", file), "utf8"), context, { filename: file });
  }
  return context.TonelintEditors.editors;
}

/** An element whose ancestors are `ancestors` ({selector: element}) and whose descendants are `inside`. */
function element({ tag = "DIV", editable = false, ancestors = {}, inside = {}, ...rest } = {}) {
  return { nodeType: 1, tagName: tag, isContentEditable: editable, parentElement: null,
           classList: { contains: () => false }, closest: (selector) => ancestors[selector] || null,
           querySelector: (selector) => inside[selector] || null, ...rest };
}

const ROOT = ".block-editor-block-list__layout.is-root-container";
const CANVAS = ".block-editor-writing-flow";

test("in WordPress's post editor, the title and the blocks are one draft: the canvas holding both", () => {
  const editors = loadEditors();
  const blocks = element();
  const canvas = element({ inside: { [ROOT]: blocks } });
  const title = element({ tag: "H1", editable: true, ancestors: { [CANVAS]: canvas } });
  const paragraph = element({ tag: "P", editable: true, ancestors: { [CANVAS]: canvas, [ROOT]: blocks } });
  assert.deepEqual([editors.find(title).name, editors.find(title).root], ["wordpress-block-editor", canvas]);
  assert.equal(editors.find(paragraph).root, canvas); // same root: moving from the title to a block keeps the session
});

test("a block editor without a title around it (an embedded Gutenberg) is still the container of its blocks", () => {
  const editors = loadEditors();
  const blocks = element();
  const canvas = element(); // a writing flow without the post's blocks in it
  const paragraph = element({ tag: "P", editable: true, ancestors: { [CANVAS]: canvas, [ROOT]: blocks } });
  assert.equal(editors.find(paragraph).root, blocks);
});

test("the classic editor's title field is linted; other one-line fields are not", () => {
  const editors = loadEditors();
  const title = element({ tag: "INPUT", id: "title", name: "post_title" });
  assert.equal(editors.find(title).name, "textarea");
  assert.equal(editors.find(element({ tag: "INPUT", id: "title", name: "post_title", readOnly: true })), null);
  assert.equal(editors.find(element({ tag: "INPUT", id: "user_login", name: "log" })), null);
  assert.equal(editors.find(element({ tag: "INPUT", id: "search", name: "s" })), null);
});
