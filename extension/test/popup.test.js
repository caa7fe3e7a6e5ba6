"use strict";
// The popup script against a fake extension API and the few DOM calls it makes.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = fs.readFileSync(path.join(__dirname, "../src/popup.js"), "utf8");
const PROTOCOL = require("../src/lib/protocol.js");

/** An element with what popup.js uses: text, children, rows and cells, hidden, listeners. */
function element(tag) {
  const node = {
    tag, hidden: tag === "table" || tag === "ul", textContent: "", children: [], rows: [], style: {},
    appendChild(child) { node.children.push(child); return child; },
    append(text) { node.textContent += text; },
    insertRow() { const row = element("tr"); node.rows.push(row); return row; },
    insertCell() { const cell = element("td"); node.children.push(cell); return cell; },
    addEventListener() {},
  };
  return node;
}

async function openPopup(lastResult) {
  const ids = ["server-status", "profile", "notices", "no-draft", "site-toggle", "open-options"];
  const page = Object.fromEntries(ids.map((id) => [id, element(id === "profile" ? "table" : id === "notices" ? "ul" : "p")]));
  const categories = ["press-release", "self-promotion"].map((id) => ({ id, dimension: true, title: { en: id } }));
  const replies = {
    health: { ok: true, serverUrl: "http://127.0.0.1:8765" },
    profile: { type: "profile", result: lastResult },
    rules: { type: "rules", categories },
  };
  let done;
  const finished = new Promise((resolve) => { done = resolve; });
  const api = {
    tabs: { query: async () => [{ id: 3, url: "https://example.com/edit" }] },
    runtime: {
      sendMessage: async (message) => {
        const reply = replies[message.type];
        if (message.type === "rules") setImmediate(done); // the last message the popup sends when it has a draft
        return reply;
      },
      openOptionsPage() {},
    },
    i18n: { getMessage: () => "", getUILanguage: () => "en" },
    storage: { sync: { get: async (defaults) => { setImmediate(done); return { ...defaults }; }, set: async () => {} } },
  };
  const document = { getElementById: (id) => page[id], createElement: element };
  vm.runInContext(SOURCE, vm.createContext({ chrome: api, TonelintProtocol: PROTOCOL, document, URL, setImmediate }));
  await finished;
  await new Promise((resolve) => setImmediate(resolve));
  return page;
}

test("the popup shows the draft's profile, one row per dimension", async () => {
  const page = await openPopup({ profile: { "press-release": { score: 40, level: "some", findings: 2 } },
                                 notices: [], linted: true });
  assert.equal(page.profile.hidden, false);
  assert.equal(page.profile.rows.length, 2);
  assert.equal(page["no-draft"].hidden, true);
});

test("a draft in neither language shows the server's note, not an empty profile", async () => {
  const note = "not linted: the text reads as neither French nor English";
  const page = await openPopup({ profile: { "press-release": { score: 0, level: "none", findings: 0 } },
                                 notices: [note], linted: false });
  assert.equal(page.profile.hidden, true);
  assert.equal(page.profile.rows.length, 0);
  assert.equal(page["no-draft"].hidden, true);
  assert.equal(page.notices.hidden, false);
  assert.deepEqual(page.notices.children.map((item) => item.textContent), [note]);
});

test("a server that does not say linted (older) is read as linted", () => {
  const result = PROTOCOL.lintResult("1", 5, { lang: "fr", diagnostics: [], profile: {} });
  assert.equal(result.linted, true);
  assert.equal(PROTOCOL.lintResult("1", 5, { lang: "fr", diagnostics: [], profile: {}, linted: false }).linted, false);
});
