/* Messages between the content script and the service worker (the only one that talks to the server). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.TonelintProtocol = factory();
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

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
    return { type: "lint", id: String(id), text: text, format: format || "text", lang: lang === "auto" ? undefined : lang };
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
    return { type: "result", id: id, lang: response.lang, diagnostics: diagnostics, profile: response.profile || {} };
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

  return { DEFAULT_SETTINGS: DEFAULT_SETTINGS, lintRequest: lintRequest, lintBody: lintBody, lintResult: lintResult,
           backoff: backoff, originOf: originOf };
});
