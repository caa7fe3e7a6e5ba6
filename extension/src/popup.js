/* Popup: server status, the tone profile of the draft in the current tab, on/off for this site. */
"use strict";
(async function () {
  const api = globalThis.browser || globalThis.chrome;
  const P = globalThis.TonelintProtocol;
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  const host = tab && tab.url ? new URL(tab.url).hostname : "";

  const health = await api.runtime.sendMessage({ type: P.MESSAGES.health });
  document.getElementById("server-status").textContent =
    api.i18n.getMessage(health.ok ? "popupServerOk" : "popupServerDown") + " (" + health.serverUrl + ")";

  const reply = await api.runtime.sendMessage({ type: P.MESSAGES.profile, tabId: tab && tab.id });
  // A draft in neither language was not judged: its empty profile would read as a clean draft.
  if (reply && reply.result && reply.result.linted !== false) {
    const profile = reply.result.profile || {};
    // The tone dimensions, their titles and colours: as the server's packs declare them.
    const catalogue = await api.runtime.sendMessage({ type: P.MESSAGES.rules }).catch(() => null);
    const categories = catalogue && catalogue.type === P.REPLIES.rules ? catalogue.categories : [];
    const dimensions = categories.length ? categories.filter((c) => c.dimension)
      : Object.keys(profile).filter((name) => profile[name] && typeof profile[name].score === "number").map((id) => ({ id: id }));
    const ui = (api.i18n.getUILanguage() || "en").slice(0, 2);
    const table = document.getElementById("profile");
    for (const category of dimensions) {
      const entry = profile[category.id] || { score: 0, findings: 0, level: (category.scale || ["none"])[0] };
      const row = table.insertRow();
      const name = row.insertCell();
      if (category.colour) {
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = category.colour;
        name.appendChild(swatch);
      }
      name.append((category.title && (category.title[ui] || category.title.en)) || category.id);
      const bar = document.createElement("meter");
      bar.min = 0; bar.max = 100; bar.low = 25; bar.high = 60; bar.optimum = 0; bar.value = entry.score;
      row.insertCell().appendChild(bar);
      // A problem's level (none, some, strong) says how many findings; a quality's (present, missing) does not.
      const scale = category.scale && category.scale.length ? category.scale : ["none", "some", "strong"];
      const counted = scale.length === 3 && entry.level !== scale[0] && entry.findings > 0;
      row.insertCell().textContent = levelWord(entry.level) + (counted ? " (" + entry.findings + ")" : "");
    }
    table.hidden = false;
  }
  if (reply && reply.result) {
    document.getElementById("no-draft").hidden = true;
    // The server's notes on the whole draft, as it words them (a draft in another language is not linted).
    const notices = document.getElementById("notices");
    for (const notice of reply.result.notices || []) {
      const item = document.createElement("li");
      item.textContent = notice;
      notices.appendChild(item);
    }
    notices.hidden = !notices.children.length;
  }

  function levelWord(level) {
    // The packs' level words: those the interface knows are translated, another one is shown as it is.
    const key = "level_" + String(level || "none").replace(/[^a-z0-9]/gi, "_");
    return api.i18n.getMessage(key) || level || "";
  }

  const toggle = document.getElementById("site-toggle");
  const { disabledSites } = await api.storage.sync.get({ disabledSites: [] });
  toggle.checked = !disabledSites.includes(host);
  toggle.disabled = !host;
  toggle.addEventListener("change", async () => {
    const current = (await api.storage.sync.get({ disabledSites: [] })).disabledSites.filter((h) => h !== host);
    if (!toggle.checked) current.push(host);
    await api.storage.sync.set({ disabledSites: current });
  });
  document.getElementById("open-options").addEventListener("click", (event) => {
    event.preventDefault();
    api.runtime.openOptionsPage();
  });
})();
