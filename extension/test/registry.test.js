"use strict";
// The editor registry and the adapters' detect functions, on small fake elements (no DOM here).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { createRegistry } = require("../src/content/registry.js");

const MANIFEST = JSON.parse(fs.readFileSync(path.join(__dirname, "../manifest.json"), "utf8"));
const CONTENT_SCRIPTS = MANIFEST.content_scripts[0].js;

test("specific editors are asked before the fallback, whatever the order they register in", () => {
  const registry = createRegistry();
  registry.register({ name: "any", fallback: true, detect: (e) => e, adapt: () => "generic" });
  registry.register({ name: "special", detect: (e) => (e.special ? e.parent : null), adapt: (root) => "special:" + root });
  assert.deepEqual(registry.names(), ["special", "any"]);
  const found = registry.find({ special: true, parent: "root" });
  assert.equal(found.name, "special");
  assert.equal(found.root, "root");
  assert.equal(found.adapt(), "special:root");
  assert.equal(registry.find({ special: false }).name, "any");
  assert.throws(() => registry.register({ name: "broken", detect: () => null }), TypeError);
});

// Fake elements: just what the detect functions read.
function element({ tag = "DIV", editable = false, classes = [], parent = null, closest = null, inside = null, ...rest } = {}) {
  return { nodeType: 1, tagName: tag, isContentEditable: editable, parentElement: parent,
           classList: { contains: (name) => classes.includes(name) },
           closest: () => closest, querySelector: () => inside, ...rest };
}

function loadEditors() {
  // The content scripts' own files, in the manifest's order, up to the adapters.
  const context = vm.createContext({ TonelintTextMap: {}, TonelintStyle: { highlightName: (c) => "tonelint-" + c } });
  for (const file of CONTENT_SCRIPTS.filter((f) => f.startsWith("src/content/") && /registry|editors\//.test(f))) {
    vm.runInContext(fs.readFileSync(path.join(__dirname, "..", file), "utf8"), context, { filename: file });
  }
  return context.TonelintEditors.editors;
}

test("each editor file recognises its editor; a plain contenteditable is the fallback", () => {
  const editors = loadEditors();
  assert.deepEqual([...editors.names()].sort(), ["contenteditable", "textarea", "tinymce", "wordpress-block-editor"]);
  const textarea = element({ tag: "TEXTAREA" });
  assert.equal(editors.find(textarea).name, "textarea");
  assert.equal(editors.find(element({ tag: "TEXTAREA", readOnly: true })), null);
  assert.equal(editors.find(element()), null); // not editable
  const body = element({ tag: "BODY", editable: true, classes: ["mce-content-body"] });
  const paragraph = element({ tag: "P", editable: true, parent: body });
  assert.deepEqual([editors.find(paragraph).name, editors.find(paragraph).root], ["tinymce", body]);
  const blocks = element();
  const block = element({ tag: "P", editable: true, closest: blocks });
  assert.deepEqual([editors.find(block).name, editors.find(block).root], ["wordpress-block-editor", blocks]);
  const composer = element({ editable: true });
  const line = element({ tag: "SPAN", editable: true, parent: composer });
  assert.deepEqual([editors.find(line).name, editors.find(line).root], ["contenteditable", composer]);
});

test("the manifest loads the registry, then every editor file, before the session", () => {
  const editorsDir = path.join(__dirname, "../src/content/editors");
  const files = fs.readdirSync(editorsDir).filter((f) => f.endsWith(".js")).map((f) => "src/content/editors/" + f);
  const at = (file) => CONTENT_SCRIPTS.indexOf(file);
  for (const file of files) {
    assert.ok(at(file) > at("src/content/registry.js"), file + " is listed after the registry");
    assert.ok(at(file) < at("src/content/session.js"), file + " is listed before the session");
  }
  // the adapters built on the rich-text one come after it
  for (const file of files.filter((f) => !/rich-text|textarea/.test(f))) assert.ok(at(file) > at("src/content/editors/rich-text.js"));
  assert.equal(CONTENT_SCRIPTS[CONTENT_SCRIPTS.length - 1], "src/content/main.js");
});
