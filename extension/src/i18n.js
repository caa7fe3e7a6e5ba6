/* Fill elements marked data-i18n="key" with the extension's localized messages. */
"use strict";
(function () {
  const api = globalThis.browser || globalThis.chrome;
  for (const element of document.querySelectorAll("[data-i18n]")) {
    const text = api.i18n.getMessage(element.dataset.i18n);
    if (text) element.textContent = text;
  }
})();
