/* Service worker: the only part of the extension that talks to the tonelint server.
 * Content scripts cannot fetch the API (CORS); here, with the server origin in
 * host_permissions, they can. One request in flight per tab: a newer one cancels it. */
"use strict";
if (typeof importScripts === "function" && typeof TonelintProtocol === "undefined") {
  importScripts("lib/protocol.js"); // Chromium service worker; Firefox loads it from the manifest
}
const api = globalThis.browser || globalThis.chrome;
const P = globalThis.TonelintProtocol;

const inFlight = new Map(); // tabId -> AbortController
const lastResult = new Map(); // tabId -> { profile, diagnostics count, lang, notices, linted, at }
let failures = 0;
let lastError = "";
let rulesCache = null;

async function settings() {
  const stored = await api.storage.sync.get(P.DEFAULT_SETTINGS);
  return Object.assign({}, P.DEFAULT_SETTINGS, stored);
}

function headers(current) {
  const result = { "Content-Type": "application/json" };
  if (current.token) result.Authorization = "Bearer " + current.token;
  return result;
}

async function setStatus(ok, message) {
  lastError = ok ? "" : message;
  try {
    await api.action.setBadgeText({ text: ok ? "" : "!" });
    await api.action.setBadgeBackgroundColor({ color: "#9a6700" });
    await api.action.setTitle({ title: ok ? "tonelint" : "tonelint: " + message });
  } catch (error) {
    // the badge is cosmetic: never let it break linting
  }
}

// Why a request was aborted: only a timeout is a failure; a superseded request is not.
const SUPERSEDED = "superseded";
const TIMED_OUT = "timeout";

function cancel(tabId) {
  const controller = inFlight.get(tabId);
  if (controller) controller.abort(SUPERSEDED);
}

async function lint(request, tabId) {
  cancel(tabId);
  const controller = new AbortController();
  inFlight.set(tabId, controller);
  const current = await settings();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), 15000);
  try {
    const response = await fetch(current.serverUrl.replace(/\/+$/, "") + "/v1/lint", {
      method: "POST",
      headers: headers(current),
      body: JSON.stringify(P.lintBody(request, current)),
      signal: controller.signal,
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      failures++;
      const message = (body.error && body.error.message) || "HTTP " + response.status;
      await setStatus(false, message);
      return { type: P.REPLIES.error, id: request.id, status: response.status, message: message, retryIn: P.backoff(failures) };
    }
    failures = 0;
    await setStatus(true, "");
    const result = P.lintResult(request.id, request.text.length, body);
    lastResult.set(tabId, { profile: result.profile, findings: result.diagnostics.length, lang: result.lang,
                            notices: result.notices, linted: result.linted, at: Date.now() });
    return result;
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason === SUPERSEDED) {
      return { type: P.REPLIES.cancelled, id: request.id }; // the writer typed on: not the server's fault
    }
    failures++;
    const message = controller.signal.aborted ? "server too slow" : "server unreachable";
    await setStatus(false, message);
    return { type: P.REPLIES.error, id: request.id, status: 0, message: message, retryIn: P.backoff(failures) };
  } finally {
    clearTimeout(timer);
    if (inFlight.get(tabId) === controller) inFlight.delete(tabId);
  }
}

async function health() {
  const current = await settings();
  try {
    const response = await fetch(current.serverUrl.replace(/\/+$/, "") + "/v1/health", { headers: headers(current) });
    const body = await response.json();
    await setStatus(response.ok, response.ok ? "" : "HTTP " + response.status);
    return { type: P.REPLIES.health, ok: response.ok, health: body, serverUrl: current.serverUrl };
  } catch (error) {
    await setStatus(false, "server unreachable");
    return { type: P.REPLIES.health, ok: false, error: "server unreachable", serverUrl: current.serverUrl };
  }
}

async function rules(lang) {
  if (rulesCache && rulesCache.lang === (lang || "")) return rulesCache.value;
  const current = await settings();
  const query = lang ? "?lang=" + encodeURIComponent(lang) : "";
  const response = await fetch(current.serverUrl.replace(/\/+$/, "") + "/v1/rules" + query, { headers: headers(current) });
  if (!response.ok) throw new Error("HTTP " + response.status);
  const body = await response.json();
  // The categories (titles, colours, level words) come with the rules: the packs declare them.
  const value = { type: P.REPLIES.rules, rules: body.rules, categories: P.categoriesOf(body) };
  rulesCache = { lang: lang || "", value: value };
  return value;
}

// One handler per request of the protocol (P.MESSAGES): (message, tabId) -> the reply, or its promise.
const HANDLERS = {
  [P.MESSAGES.lint]: (message, tabId) => lint(message, tabId),
  [P.MESSAGES.cancel]: (message, tabId) => {
    cancel(tabId);
    return { type: P.REPLIES.cancelled };
  },
  [P.MESSAGES.health]: () => health(),
  [P.MESSAGES.rules]: (message) => rules(message.lang).catch((e) => ({ type: P.REPLIES.error, message: String(e.message) })),
  [P.MESSAGES.profile]: (message, tabId) => ({ type: P.REPLIES.profile, result: lastResult.get(tabId) || null, lastError: lastError }),
};

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = message && Object.prototype.hasOwnProperty.call(HANDLERS, message.type) ? HANDLERS[message.type] : null;
  if (!handler) return false; // not ours: another listener may answer
  const tabId = sender.tab ? sender.tab.id : message.tabId;
  Promise.resolve(handler(message, tabId)).then(sendResponse);
  return true; // answer asynchronously
});

api.tabs && api.tabs.onRemoved && api.tabs.onRemoved.addListener((tabId) => {
  lastResult.delete(tabId);
  cancel(tabId);
  inFlight.delete(tabId);
});
api.storage.onChanged.addListener(() => { rulesCache = null; });
