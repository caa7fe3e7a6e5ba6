"use strict";
// The service worker in a sandbox with a fake extension API and a fake server (fetch).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = fs.readFileSync(path.join(__dirname, "../src/background.js"), "utf8");
const PROTOCOL = require("../src/lib/protocol.js");

function serviceWorker() {
  const state = { badge: "", title: "", requests: [], listener: null };
  const api = {
    storage: { sync: { get: async (defaults) => ({ ...defaults }) }, onChanged: { addListener() {} } },
    action: {
      setBadgeText: async ({ text }) => { state.badge = text; },
      setBadgeBackgroundColor: async () => {},
      setTitle: async ({ title }) => { state.title = title; },
    },
    runtime: { onMessage: { addListener: (listener) => { state.listener = listener; } } },
    tabs: { onRemoved: { addListener() {} } },
  };
  // A server that answers only when the test says so, and honours aborts as fetch does.
  function fetch(url, options = {}) {
    return new Promise((resolve, reject) => {
      const request = { url, body: options.body && JSON.parse(options.body), aborted: false };
      state.requests.push(request);
      request.answer = (body, status = 200) => resolve({ ok: status < 400, status, json: async () => body });
      request.fail = () => reject(new TypeError("Failed to fetch"));
      if (options.signal) options.signal.addEventListener("abort", () => {
        request.aborted = true;
        reject(new DOMException("The operation was aborted.", "AbortError"));
      });
    });
  }
  const context = vm.createContext({ chrome: api, TonelintProtocol: PROTOCOL, fetch, AbortController, DOMException,
                                     setTimeout, clearTimeout, console, encodeURIComponent, Date });
  vm.runInContext(SOURCE, context);
  // Replies cross to the content script by structured clone, as the real messaging does.
  state.send = (message, tabId = 1) => new Promise((resolve) => {
    const async = state.listener(message, { tab: { id: tabId } }, (reply) => resolve(structuredClone(reply)));
    assert.equal(async, true);
  });
  return state;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const RESULT = { lang: "fr", diagnostics: [], profile: {} };

test("a newer draft cancels the request in flight, without counting it as a failure", async () => {
  const worker = serviceWorker();
  const first = worker.send({ type: "lint", id: "1", text: "Nous sommes fiers", format: "text" });
  await settle();
  const second = worker.send({ type: "lint", id: "2", text: "Nous sommes fiers d'annoncer", format: "text" });
  await settle();
  assert.deepEqual(await first, { type: "cancelled", id: "1" });
  assert.equal(worker.requests[0].aborted, true);
  worker.requests[1].answer(RESULT);
  assert.equal((await second).type, "result");
  assert.equal(worker.badge, "", "a cancelled request must not raise the error badge");
});

test("the content script's cancel (the text changed) aborts only that tab's request", async () => {
  const worker = serviceWorker();
  const tabOne = worker.send({ type: "lint", id: "1", text: "Un leader mondial.", format: "text" }, 1);
  const tabTwo = worker.send({ type: "lint", id: "1", text: "Un autre texte.", format: "text" }, 2);
  await settle();
  assert.deepEqual(await worker.send({ type: "cancel" }, 1), { type: "cancelled" });
  assert.deepEqual(await tabOne, { type: "cancelled", id: "1" });
  assert.equal(worker.badge, "");
  assert.equal(worker.requests[1].aborted, false);
  worker.requests[1].answer(RESULT);
  assert.equal((await tabTwo).type, "result");
});

test("an unreachable server is an error with a back-off and the badge, not a dialog", async () => {
  const worker = serviceWorker();
  const reply = worker.send({ type: "lint", id: "1", text: "Un leader mondial.", format: "text" });
  await settle();
  worker.requests[0].fail();
  const error = await reply;
  assert.equal(error.type, "error");
  assert.equal(error.message, "server unreachable");
  assert.equal(error.retryIn, 1000);
  assert.equal(worker.badge, "!");
  assert.match(worker.title, /unreachable/);
});

test("every request of the protocol has a handler; a message of another kind is left to other listeners", async () => {
  const worker = serviceWorker();
  const replies = {};
  for (const type of Object.values(PROTOCOL.MESSAGES)) {
    const pending = worker.send({ type: type, id: "1", text: "Un leader mondial.", format: "text" });
    await settle();
    for (const request of worker.requests.filter((r) => !r.answered)) {
      request.answered = true;
      request.answer(request.url.includes("/v1/rules") ? { rules: [], categories: [] } : RESULT);
    }
    replies[type] = (await pending).type;
  }
  assert.deepEqual(replies, { lint: "result", cancel: "cancelled", rules: "rules", health: "health", profile: "profile" });
  for (const reply of Object.values(replies)) assert.ok(Object.values(PROTOCOL.REPLIES).includes(reply));
  assert.equal(worker.listener({ type: "not-ours" }, { tab: { id: 1 } }, () => {}), false);
});

test("the rules reply carries the packs' categories, checked", async () => {
  const worker = serviceWorker();
  const reply = worker.send({ type: "rules" });
  await settle();
  worker.requests[0].answer({ rules: [{ id: "fr.x.y" }], categories: [
    { id: "press-release", lang: "fr", title: { en: "Press release", fr: "Communiqué" }, colour: "#EA580C", scale: ["none", "some", "strong"], dimension: true },
    { id: "bad id", colour: "#000000" },
  ] });
  const { rules, categories } = await reply;
  assert.deepEqual(rules, [{ id: "fr.x.y" }]);
  assert.deepEqual(categories.map((c) => [c.id, c.colour, c.title.fr]), [["press-release", "#ea580c", "Communiqué"]]);
});

test("the popup's profile of a tab carries the server's notes on that draft", async () => {
  const worker = serviceWorker();
  const lint = worker.send({ type: "lint", id: "1", text: "Wir freuen uns.", format: "text" }, 3);
  await settle();
  worker.requests[0].answer({ ...RESULT, notices: ["not linted: the text reads as neither French nor English"],
                              linted: false });
  await lint;
  const reply = await worker.send({ type: "profile", tabId: 3 }, 3);
  assert.deepEqual(reply.result.notices, ["not linted: the text reads as neither French nor English"]);
  assert.equal(reply.result.linted, false);
});
