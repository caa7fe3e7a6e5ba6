"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { buildTextMap, piecesOf, formatOf } = require("../src/lib/textmap.js");

// A tiny stand-in for the DOM: enough for piecesOf.
function el(tag, children = [], attrs = {}) {
  const node = { nodeType: 1, tagName: tag, getAttribute: (name) => attrs[name] ?? null, firstChild: null };
  let previous = null;
  for (const child of children) {
    child.nextSibling = null;
    if (previous) previous.nextSibling = child;
    else node.firstChild = child;
    previous = child;
  }
  return node;
}
const txt = (value) => ({ nodeType: 3, nodeValue: value, nextSibling: null });

test("paragraphs become blank-line separated text; inline markup does not split words", () => {
  const a = txt("Nous sommes ");
  const b = txt("fiers");
  const c = txt(" d'annoncer.");
  const d = txt("Un leader mondial.");
  const root = el("DIV", [el("P", [a, el("STRONG", [b]), c]), el("P", [d])]);
  const map = buildTextMap(piecesOf(root));
  assert.equal(map.text, "Nous sommes fiers d'annoncer.\n\nUn leader mondial.");
  const start = map.text.indexOf("fiers");
  assert.deepEqual(map.locate(start), { node: b, offset: 0 });
  assert.deepEqual(map.locate(start + 5, "end"), { node: b, offset: 5 });
  assert.deepEqual(map.locate(map.text.indexOf("leader")), { node: d, offset: 3 });
});

test("code, non-editable islands and <br> are handled", () => {
  const root = el("DIV", [
    el("P", [txt("Avant"), el("BR"), txt("après"), el("CODE", [txt("leader mondial")])]),
    el("DIV", [txt("widget")], { contenteditable: "false" }),
    el("P", [txt("Fin.")]),
  ]);
  const map = buildTextMap(piecesOf(root));
  assert.equal(map.text, "Avant\naprès\n\nFin.");
});

test("offsets inside separators snap to the nearest text", () => {
  const a = txt("Un.");
  const b = txt("Deux.");
  const map = buildTextMap([{ node: a, text: "Un." }, { separator: "\n\n" }, { node: b, text: "Deux." }]);
  assert.deepEqual(map.locate(4), { node: b, offset: 0 });
  assert.deepEqual(map.locate(4, "end"), { node: a, offset: 3 });
  assert.equal(buildTextMap([]).locate(0), null);
});

test("a plain-text field holding markup (WordPress's code editor) is linted as HTML", () => {
  assert.equal(formatOf("<!-- wp:paragraph -->\n<p>Nous sommes fiers d'annoncer.</p>\n<!-- /wp:paragraph -->"), "html");
  assert.equal(formatOf("<h2>Un titre</h2>\n<p>Un paragraphe.</p>"), "html");
  assert.equal(formatOf("Nous sommes fiers d'annoncer. 3 < 5 et <b> n'est pas un bloc."), "text");
});
