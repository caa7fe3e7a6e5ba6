/* Options: server URL (with its host permission asked for), token, language, readers' variant, rules, sites. */
"use strict";
(async function () {
  const api = globalThis.browser || globalThis.chrome;
  const P = globalThis.TonelintProtocol;
  const form = document.getElementById("form");
  const current = Object.assign({}, P.DEFAULT_SETTINGS, await api.storage.sync.get(P.DEFAULT_SETTINGS));
  form.serverUrl.value = current.serverUrl;
  form.token.value = current.token;
  form.lang.value = current.lang;
  form.variant.value = current.variant;
  form.disabledSites.value = current.disabledSites.join("\n");

  const reply = await api.runtime.sendMessage({ type: P.MESSAGES.rules, lang: current.lang === "auto" ? "" : current.lang });
  const container = document.getElementById("rules");
  if (reply && reply.type === P.REPLIES.rules) {
    for (const rule of reply.rules) {
      const label = document.createElement("label");
      label.className = "rule";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = rule.id;
      box.checked = !current.disabledRules.includes(rule.id);
      const text = document.createElement("span");
      text.textContent = rule.title + " — " + rule.id;
      if (rule.enabled === false) { // the server's configuration turns it off: nothing to choose here
        box.checked = false;
        box.disabled = true;
        text.textContent += " (" + api.i18n.getMessage("optionsRuleOffOnServer") + ")";
      }
      text.title = rule.description;
      label.append(box, text);
      container.appendChild(label);
    }
  } else {
    document.getElementById("rules-status").hidden = false;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const serverUrl = form.serverUrl.value.trim().replace(/\/+$/, "");
    const origin = P.originOf(serverUrl);
    if (!origin) return;
    // Text goes only to this server: ask for this origin and nothing more (user gesture here).
    const granted = await api.permissions.request({ origins: [origin + "/*"] }).catch(() => false);
    if (!granted) return;
    const boxes = Array.from(container.querySelectorAll("input[type=checkbox]"));
    await api.storage.sync.set({
      serverUrl: serverUrl,
      token: form.token.value.trim(),
      lang: form.lang.value,
      variant: form.variant.value,
      disabledRules: boxes.length ? boxes.filter((b) => !b.checked && !b.disabled).map((b) => b.value) : current.disabledRules,
      disabledSites: form.disabledSites.value.split("\n").map((s) => s.trim()).filter(Boolean),
    });
    document.getElementById("saved").hidden = false;
  });
})();
