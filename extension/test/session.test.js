"use strict";
// One editor's lint loop (src/content/session.js) against a fake extension API and a fake editor.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = fs.readFileSync(path.join(__dirname, "../src/content/session.js"), "utf8");
const PROTOCOL = require("../src/lib/protocol.js");
const SPANS = require("../src/lib/spans.js");

/** A Session on a fake editor whose lint requests stay in flight until `answer()` is called. */
function startSession(text) {
  const inFlight = [];
  const api = {
    runtime: {
      sendMessage: (message) => new Promise((resolve) => {
        if (message.type === PROTOCOL.MESSAGES.lint) inFlight.push({ message, resolve });
        else resolve(null);
      }),
    },
  };
  const drawn = [];
  const adapter = { text: () => text, draw: (diagnostics) => drawn.push(diagnostics.length), destroy() {}, rects: () => [] };
  const element = { addEventListener() {}, removeEventListener() {} };
  const context = { style: { ensure() {} }, disabled: () => false, ignored: () => false };
  const sandbox = { chrome: api, TonelintProtocol: PROTOCOL, TonelintSpans: SPANS, setTimeout, clearTimeout,
                    addEventListener() {}, removeEventListener() {} };
  sandbox.globalThis = sandbox;
  vm.runInContext(SOURCE, vm.createContext(sandbox));
  const session = new sandbox.TonelintSession(element, adapter, context);
  const answer = () => {
    const { message, resolve } = inFlight.shift();
    resolve({ type: PROTOCOL.REPLIES.result, id: message.id,
              diagnostics: [{ rule: "en.x", category: "press-release", span: { start: 0, end: 4 } }] });
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { session, drawn, inFlight, answer, settle };
}

test("an answer draws the underlines of the editor it was asked for", async () => {
  const { drawn, inFlight, answer, settle } = startSession("We are thrilled to announce it.");
  await settle();
  assert.equal(inFlight.length, 1);
  answer();
  await settle();
  assert.equal(drawn.at(-1), 1);
});

test("an answer that comes back after the writer left the editor draws nothing", async () => {
  // A slow server: the writer moved to another field before the lint came back.
  const { session, drawn, inFlight, answer, settle } = startSession("We are thrilled to announce it.");
  await settle();
  assert.equal(inFlight.length, 1);
  session.destroy();
  const drawsBefore = drawn.length;
  answer();
  await settle();
  assert.equal(drawn.length, drawsBefore);
  session.changed(); // a DOM change queued before the editor was left
  await settle();
  assert.equal(inFlight.length, 0);
});
