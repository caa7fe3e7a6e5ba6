/* Popup: server status, the tone profile of the draft in the current tab, on/off for this site. */
"use strict";
(async function () {
  const api = globalThis.browser || globalThis.chrome;
  const DIMENSIONS = ["press-release", "self-promotion", "peer-jargon", "dialogue", "register"];
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  const host = tab && tab.url ? new URL(tab.url).hostname : "";

  const health = await api.runtime.sendMessage({ type: "health" });
  document.getElementById("server-status").textContent =
    api.i18n.getMessage(health.ok ? "popupServerOk" : "popupServerDown") + " (" + health.serverUrl + ")";

  const reply = await api.runtime.sendMessage({ type: "profile", tabId: tab && tab.id });
  if (reply && reply.result) {
    const table = document.getElementById("profile");
    for (const name of DIMENSIONS) {
      const entry = reply.result.profile[name] || { score: 0, findings: 0, level: "none" };
      const row = table.insertRow();
      row.insertCell().textContent = api.i18n.getMessage("dimension_" + name.replace(/-/g, "_")) || name;
      const bar = document.createElement("meter");
      bar.min = 0; bar.max = 100; bar.low = 25; bar.high = 60; bar.optimum = 0; bar.value = entry.score;
      row.insertCell().appendChild(bar);
      const level = api.i18n.getMessage("level_" + (entry.level || "none")) || entry.level || "";
      row.insertCell().textContent = level + (entry.level === "some" || entry.level === "strong" ? " (" + entry.findings + ")" : "");
    }
    table.hidden = false;
    document.getElementById("no-draft").hidden = true;
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
