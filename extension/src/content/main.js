/* Content script, last of its files: finds the editor the writer is in (editors/, through the
 * registry), runs a Session on it and shows the card over an underline. It never lints and never
 * talks to the network: the service worker does. Underlines never touch the editor's DOM;
 * suggestions go through the editor's own input path, so its undo works. */
(function () {
  "use strict";
  const api = globalThis.browser || globalThis.chrome;
  const Spans = globalThis.TonelintSpans;
  const P = globalThis.TonelintProtocol;
  const Editors = globalThis.TonelintEditors.editors;
  const Session = globalThis.TonelintSession;
  const Card = globalThis.TonelintCard;

  const style = new globalThis.TonelintStyle.PageStyle(document);
  const card = new Card(style);
  let active = null; // the Session of the focused editor
  let why = null; // rule id -> the first sentence of its description, asked once from the service worker
  let ignored = new Set(); // fingerprints of the findings the writer dismissed
  let disabledHere = false;

  const context = {
    style: style,
    disabled: () => disabledHere,
    ignored: (d, text) => ignored.has(Spans.fingerprint(d, text)),
  };

  function loadCatalogue() {
    // The rules (for the card's "why") and the categories (their colours) come from the server's packs.
    if (why) return;
    why = new Map();
    api.runtime.sendMessage({ type: P.MESSAGES.rules }).then((reply) => {
      if (!reply || reply.type !== P.REPLIES.rules) { why = null; return; } // asked again at the next focus
      for (const rule of reply.rules || []) why.set(rule.id, firstSentence(rule.description));
      style.setCategories(reply.categories);
    }).catch(() => { why = null; });
  }

  function firstSentence(text) {
    const match = /^.*?[.!?](?=\s|$)/.exec(text || "");
    return match ? match[0] : text || "";
  }

  api.storage.local.get({ ignored: [] }).then((v) => { ignored = new Set(v.ignored); });
  api.storage.sync.get({ disabledSites: [] }).then((v) => {
    disabledHere = v.disabledSites.includes(location.hostname);
    // A page may focus its editor before this script runs (WordPress focuses a new post's title):
    // no focusin will come for it.
    if (document.hasFocus() && document.activeElement) follow(document.activeElement);
  });
  api.storage.onChanged.addListener((changes) => {
    if (changes.disabledSites) {
      disabledHere = (changes.disabledSites.newValue || []).includes(location.hostname);
      if (disabledHere && active) active.adapter.clear();
    }
  });

  function ignoreHere(d) {
    if (!active) return;
    ignored.add(Spans.fingerprint(d, active.linted));
    api.storage.local.set({ ignored: Array.from(ignored).slice(-2000) });
    active.diagnostics = active.diagnostics.filter((x) => x !== d);
    active.redraw();
  }

  async function turnOff(rule) {
    const current = await api.storage.sync.get({ disabledRules: [] });
    if (!current.disabledRules.includes(rule)) current.disabledRules.push(rule);
    await api.storage.sync.set({ disabledRules: current.disabledRules });
    if (active) { active.diagnostics = active.diagnostics.filter((x) => x.rule !== rule); active.redraw(); active.schedule(0); }
  }

  function showCard(hit) {
    const d = hit.diagnostic;
    card.show(hit, {
      why: (why && why.get(d.rule)) || "",
      apply: (suggestion) => { if (active) active.adapter.replace(d.span, suggestion); },
      ignore: () => ignoreHere(d),
      turnOff: () => turnOff(d.rule),
    });
  }

  function follow(element) {
    const editor = Editors.find(element);
    if (!editor || (active && active.element === editor.root)) return;
    if (active) active.destroy();
    active = disabledHere ? null : new Session(editor.root, editor.adapt(), context);
    if (active) loadCatalogue();
  }
  document.addEventListener("focusin", (event) => follow(event.target));
  document.addEventListener("mousemove", (event) => {
    if (!active || card.holds(event)) return;
    const hit = active.at(event.clientX, event.clientY);
    if (hit) {
      card.keep();
      if (hit.diagnostic !== card.diagnostic) showCard(hit);
    } else if (card.diagnostic) {
      card.hideSoon(400); // a grace period to reach the card below the words
    }
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") card.hide(); });
})();
