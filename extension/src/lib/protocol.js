/* Messages between the extension's pages and the service worker (the only part that talks to the server).
 * MESSAGES lists every request; the service worker has one handler for each (background.js). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.TonelintProtocol = factory();
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  // Every request a page sends to the service worker, and the reply it gets.
  const MESSAGES = Object.freeze({
    lint: "lint", // content script {id, text, format, lang?} -> result | error | cancelled
    cancel: "cancel", // content script, when the text moved on -> cancelled
    rules: "rules", // content script, popup, options {lang?} -> rules {rules, categories} | error
    health: "health", // popup -> health {ok, health?, serverUrl, error?}
    profile: "profile", // popup {tabId} -> profile {result, lastError}: the tab's last lint
  });
  const REPLIES = Object.freeze({
    result: "result", error: "error", cancelled: "cancelled", rules: "rules", health: "health", profile: "profile",
  });

  const DEFAULT_SETTINGS = Object.freeze({
    serverUrl: "http://127.0.0.1:8765",
    token: "",
    lang: "auto",
    variant: "auto", // who the readers are (fr-CA, fr-FR...): orders suggestions, turns regional rules on
    disabledRules: [],
    disabledSites: [],
  });

  function lintRequest(id, text, format, lang) {
    if (typeof text !== "string") throw new TypeError("text must be a string");
    return { type: MESSAGES.lint, id: String(id), text: text, format: format || "text", lang: lang === "auto" ? undefined : lang };
  }

  /** The JSON body for POST /v1/lint: what the writer turned off is ignored server-side. */
  function lintBody(request, settings) {
    const body = { text: request.text, format: request.format, offset_encoding: "utf-16" };
    const lang = request.lang || (settings.lang !== "auto" ? settings.lang : undefined);
    if (lang) body.lang = lang;
    if (settings.variant && settings.variant !== "auto") body.variant = settings.variant;
    if (settings.disabledRules && settings.disabledRules.length) body.ignore = settings.disabledRules.slice();
    return body;
  }

  /** Keep only what the page needs, and check spans are inside the text that was sent. */
  function lintResult(id, textLength, response) {
    const diagnostics = [];
    for (const d of response.diagnostics || []) {
      if (!d || !d.span || !(d.span.start >= 0) || !(d.span.end <= textLength) || d.span.start > d.span.end) continue;
      diagnostics.push({
        rule: String(d.rule), category: String(d.category), severity: String(d.severity),
        message: String(d.message), span: { start: d.span.start, end: d.span.end },
        suggestions: Array.isArray(d.suggestions) ? d.suggestions.map(String).slice(0, 5) : [],
      });
    }
    // What the server says about the draft as a whole ("not linted: the text reads as neither French nor English").
    const notices = Array.isArray(response.notices) ? response.notices.map(String).slice(0, 10) : [];
    // false when no rule ran (the text reads as neither language): its profile then says nothing.
    const linted = response.linted !== false;
    return { type: REPLIES.result, id: id, lang: response.lang, diagnostics: diagnostics, profile: response.profile || {},
             notices: notices, linted: linted };
  }

  const CATEGORY_ID = /^[a-z0-9-]{1,64}$/;
  const COLOUR = /^#[0-9a-fA-F]{6}$/;

  /** The categories of GET /v1/rules that pages can use as they are: ids fit for class and highlight
   * names, colours written #rrggbb; the first declaration of an id wins (one per language pack). */
  function categoriesOf(response) {
    const seen = new Map();
    for (const c of (response && response.categories) || []) {
      if (!c || !CATEGORY_ID.test(c.id) || seen.has(c.id) || !COLOUR.test(c.colour)) continue;
      const title = c.title && typeof c.title === "object" ? c.title : {};
      seen.set(c.id, {
        id: c.id, lang: String(c.lang || ""), colour: c.colour.toLowerCase(), dimension: c.dimension !== false,
        title: { en: String(title.en || c.id), fr: String(title.fr || title.en || c.id) },
        scale: Array.isArray(c.scale) ? c.scale.map(String) : [],
      });
    }
    return Array.from(seen.values());
  }

  /** Retry delay after consecutive failures: 1 s, 2 s, 4 s... capped at 60 s. */
  function backoff(failures) {
    return Math.min(60000, 1000 * Math.pow(2, Math.max(0, failures - 1)));
  }

  function originOf(url) {
    try {
      return new URL(url).origin;
    } catch (error) {
      return null;
    }
  }

  return { MESSAGES: MESSAGES, REPLIES: REPLIES, DEFAULT_SETTINGS: DEFAULT_SETTINGS, lintRequest: lintRequest,
           lintBody: lintBody, lintResult: lintResult, categoriesOf: categoriesOf, backoff: backoff, originOf: originOf };
});
