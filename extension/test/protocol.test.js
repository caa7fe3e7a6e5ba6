"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const P = require("../src/lib/protocol.js");

test("lint body: UTF-16 offsets, language and turned-off rules", () => {
  const request = P.lintRequest(7, "Un leader mondial.", "text", "auto");
  const body = P.lintBody(request, { ...P.DEFAULT_SETTINGS, lang: "fr", disabledRules: ["fr.register"] });
  assert.deepEqual(body, { text: "Un leader mondial.", format: "text", offset_encoding: "utf-16", lang: "fr", ignore: ["fr.register"] });
  assert.equal(P.lintBody(request, P.DEFAULT_SETTINGS).lang, undefined);
  assert.equal(P.lintBody(request, P.DEFAULT_SETTINGS).variant, undefined);
  assert.equal(P.lintBody(request, { ...P.DEFAULT_SETTINGS, variant: "fr-CA" }).variant, "fr-CA");
  assert.throws(() => P.lintRequest(1, 42));
});

test("results keep only spans inside the text that was sent", () => {
  const response = {
    lang: "fr",
    diagnostics: [
      { rule: "a", category: "press-release", severity: "warning", message: "m", span: { start: 3, end: 17 }, suggestions: ["x"] },
      { rule: "b", category: "press-release", severity: "warning", message: "m", span: { start: 3, end: 99 } },
      { rule: "c", span: null },
    ],
    profile: { "press-release": { score: 40 } },
  };
  const result = P.lintResult("7", 18, response);
  assert.deepEqual(result.diagnostics.map((d) => d.rule), ["a"]);
  assert.equal(result.profile["press-release"].score, 40);
  assert.deepEqual(result.notices, []);
});

test("the server's notes on the whole draft reach the popup, as strings", () => {
  const result = P.lintResult("7", 10, { lang: "fr", diagnostics: [], profile: {},
    notices: ["not linted: the text reads as neither French nor English", 42] });
  assert.deepEqual(result.notices, ["not linted: the text reads as neither French nor English", "42"]);
});

test("back-off doubles up to a minute; origins for host permissions", () => {
  assert.deepEqual([1, 2, 3, 10].map(P.backoff), [1000, 2000, 4000, 60000]);
  assert.equal(P.originOf("http://127.0.0.1:8765/v1/lint"), "http://127.0.0.1:8765");
  assert.equal(P.originOf("not a url"), null);
});

test("categories from the server: ids fit for CSS, colours #rrggbb, one per id", () => {
  const categories = P.categoriesOf({ categories: [
    { id: "dialogue", lang: "fr", title: { en: "Dialogue", fr: "Dialogue" }, colour: "#65A30D", scale: ["present", "missing"], dimension: true },
    { id: "dialogue", lang: "en", colour: "#000000" },
    { id: "grammar", colour: "#dc2626", dimension: false },
    { id: "x;}", colour: "#dc2626" },
    { id: "ok", colour: "red" },
  ] });
  assert.deepEqual(categories.map((c) => [c.id, c.colour, c.dimension]), [["dialogue", "#65a30d", true], ["grammar", "#dc2626", false]]);
  assert.deepEqual(P.categoriesOf(null), []);
});

test("the pages send only the protocol's messages", () => {
  const fs = require("node:fs");
  const path = require("node:path");
  const src = path.join(__dirname, "../src");
  const files = fs.readdirSync(src, { recursive: true }).filter((f) => f.endsWith(".js") && !f.startsWith("lib"));
  const used = new Set();
  for (const file of files) {
    const text = fs.readFileSync(path.join(src, file), "utf8");
    assert.doesNotMatch(text, /sendMessage\(\{\s*type:\s*["']/, file + ": a message type written by hand");
    for (const match of text.matchAll(/P\.MESSAGES\.(\w+)/g)) used.add(match[1]);
  }
  for (const name of used) assert.ok(Object.hasOwn(P.MESSAGES, name), name);
  assert.deepEqual([...used].sort(), Object.keys(P.MESSAGES).sort()); // and every listed request is used
});
