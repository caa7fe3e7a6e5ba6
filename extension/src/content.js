/* Content script: finds the editor the writer is in, asks the service worker for a lint
 * after a pause in typing, and draws underlines without touching the editor's DOM
 * (CSS Custom Highlight API for rich editors, an overlay for textareas). Suggestions
 * are applied through the editor's own input path (insertText), so its undo works. */
(function () {
  "use strict";
  const api = globalThis.browser || globalThis.chrome;
  const Spans = globalThis.TonelintSpans;
  const TextMap = globalThis.TonelintTextMap;
  const DEBOUNCE_MS = 400;
  const CATEGORIES = ["press-release", "self-promotion", "peer-jargon", "dialogue", "register", "grammar"];

  let active = null; // the adapter of the focused editor
  let why = null; // rule id -> the first sentence of its description, asked once from the service worker

  function loadWhy() {
    if (why) return;
    why = new Map();
    api.runtime.sendMessage({ type: "rules" }).then((reply) => {
      for (const rule of (reply && reply.rules) || []) why.set(rule.id, firstSentence(rule.description));
    }).catch(() => { why = null; });
  }

  function firstSentence(text) {
    const match = /^.*?[.!?](?=\s|$)/.exec(text || "");
    return match ? match[0] : text || "";
  }
  let ignored = new Set(); // fingerprints the writer dismissed
  let disabledHere = false;

  api.storage.local.get({ ignored: [] }).then((v) => { ignored = new Set(v.ignored); });
  api.storage.sync.get({ disabledSites: [] }).then((v) => { disabledHere = v.disabledSites.includes(location.hostname); });
  api.storage.onChanged.addListener((changes) => {
    if (changes.disabledSites) {
      disabledHere = (changes.disabledSites.newValue || []).includes(location.hostname);
      if (disabledHere && active) active.clear();
    }
  });

  // ---- editors -------------------------------------------------------------------------
  // Editors with one contenteditable per block (WordPress's block editor): the post is the
  // container of the blocks, so the whole draft is linted and underlined as one text.
  const BLOCK_EDITOR_ROOTS = ".block-editor-block-list__layout.is-root-container";

  function editorRoot(element) {
    if (!element || element.nodeType !== 1) return null;
    if (element.tagName === "TEXTAREA" && !element.readOnly && !element.disabled) return element;
    if (element.isContentEditable) {
      // A block, or the block editor's wrapper (made editable while several blocks are selected).
      const blocks = element.closest(BLOCK_EDITOR_ROOTS) || element.querySelector(BLOCK_EDITOR_ROOTS);
      if (blocks) return blocks;
      let root = element;
      while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
      return root;
    }
    return null;
  }

  class TextareaAdapter {
    constructor(element) {
      this.element = element;
      this.overlay = document.createElement("div");
      this.overlay.setAttribute("data-tonelint-overlay", "");
      this.overlay.style.cssText = "position:absolute;pointer-events:none;overflow:hidden;z-index:2147483000;";
      document.body.appendChild(this.overlay);
      this.mirror = document.createElement("div");
      this.mirror.style.cssText = "position:absolute;visibility:hidden;white-space:pre-wrap;overflow-wrap:break-word;top:0;left:-9999px;";
      document.body.appendChild(this.mirror);
    }
    text() { return this.element.value; }
    rects(span) {
      const style = getComputedStyle(this.element);
      for (const name of ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingLeft",
                          "paddingRight", "paddingBottom", "borderTopWidth", "borderLeftWidth", "boxSizing", "textIndent", "wordSpacing"]) {
        this.mirror.style[name] = style[name];
      }
      this.mirror.style.width = this.element.clientWidth + "px";
      const value = this.element.value;
      this.mirror.textContent = value.slice(0, span.start);
      const mark = document.createElement("span");
      mark.textContent = value.slice(span.start, span.end) || "\u200b";
      this.mirror.appendChild(mark);
      const box = this.element.getBoundingClientRect();
      const mirrorBox = this.mirror.getBoundingClientRect();
      return Array.from(mark.getClientRects()).map((r) => new DOMRect(
        box.left + (r.left - mirrorBox.left) - this.element.scrollLeft,
        box.top + (r.top - mirrorBox.top) - this.element.scrollTop, r.width, r.height));
    }
    draw(diagnostics) {
      this.overlay.textContent = "";
      const box = this.element.getBoundingClientRect();
      Object.assign(this.overlay.style, { left: box.left + scrollX + "px", top: box.top + scrollY + "px",
                                           width: box.width + "px", height: box.height + "px" });
      for (const d of diagnostics) {
        for (const r of this.rects(d.span)) {
          const line = document.createElement("div");
          line.className = "tonelint-underline tonelint-" + d.category;
          line.style.cssText = `position:absolute;left:${r.left - box.left}px;top:${r.bottom - box.top - 2}px;width:${r.width}px;height:2px;`;
          this.overlay.appendChild(line);
        }
      }
    }
    replace(span, text) {
      this.element.focus();
      this.element.setSelectionRange(span.start, span.end);
      if (!document.execCommand("insertText", false, text)) {
        this.element.setRangeText(text, span.start, span.end, "end");
        this.element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
      }
    }
    clear() { this.overlay.textContent = ""; }
    destroy() { this.overlay.remove(); this.mirror.remove(); }
  }

  class RichTextAdapter {
    constructor(element) {
      this.element = element;
      this.map = null;
      // Editor families that need a word of their own when a suggestion is applied.
      this.family = element.classList.contains("mce-content-body") ? "tinymce" : "generic";
      this.blockEditor = !element.isContentEditable; // a container of editable blocks
    }
    text() {
      this.map = TextMap.buildTextMap(this.blockEditor ? this.blockPieces() : TextMap.piecesOf(this.element));
      return this.map.text;
    }
    blockPieces() {
      // Each block's own text, blocks apart like paragraphs; the editor's buttons between blocks are not text.
      const pieces = [];
      let counted = null;
      for (const editable of this.element.querySelectorAll("[contenteditable=true]")) {
        if (counted && counted.contains(editable)) continue; // inside a block already counted (document order)
        counted = editable;
        const own = TextMap.piecesOf(editable);
        if (own.length && pieces.length) pieces.push({ separator: "\n\n" });
        pieces.push(...own);
      }
      return pieces;
    }
    editableOf(node) {
      const element = node.nodeType === 1 ? node : node.parentElement;
      return (this.blockEditor && element && element.closest("[contenteditable=true]")) || this.element;
    }
    range(span) {
      if (!this.map) this.text();
      const start = this.map.locate(span.start, "start");
      const end = this.map.locate(span.end, "end");
      if (!start || !end) return null;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      return range;
    }
    rects(span) {
      const range = this.range(span);
      return range ? Array.from(range.getClientRects()) : [];
    }
    draw(diagnostics) {
      if (!globalThis.CSS || !CSS.highlights) return; // very old browsers: no underlines, no harm
      const byCategory = new Map(CATEGORIES.map((c) => [c, []]));
      for (const d of diagnostics) {
        const range = this.range(d.span);
        if (range) (byCategory.get(d.category) || byCategory.get("register")).push(range);
      }
      for (const [category, ranges] of byCategory) CSS.highlights.set("tonelint-" + category, new Highlight(...ranges));
    }
    replace(span, text) {
      const range = this.range(span);
      if (!range) return;
      const editable = this.editableOf(range.startContainer);
      editable.focus();
      const selection = getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      // Editors read the DOM selection on "selectionchange", a separate task: act once they have seen it.
      setTimeout(() => {
        // First the way a spell-checker replaces a word, which rich editors (CKEditor 5, Quill,
        // ProseMirror, Lexical) apply to their own model and undo history...
        const start = range.startContainer;
        const data = new DataTransfer();
        data.setData("text/plain", text);
        const event = new InputEvent("beforeinput", {
          inputType: "insertReplacementText", data: text, dataTransfer: data, bubbles: true, cancelable: true,
          composed: true, targetRanges: [new StaticRange({ startContainer: start, startOffset: range.startOffset,
                                                           endContainer: range.endContainer, endOffset: range.endOffset })],
        });
        start.parentElement.dispatchEvent(event);
        // ...else the browser's own editing (plain contenteditable, editors that watch the DOM).
        if (!event.defaultPrevented && document.execCommand("insertText", false, text) && this.family === "tinymce") {
          // TinyMCE records a spell-checker correction as an undo step of its own: say it was one.
          editable.dispatchEvent(new InputEvent("input", { inputType: "insertReplacementText", data: text, bubbles: true }));
        }
      }, 30);
    }
    clear() { if (globalThis.CSS && CSS.highlights) for (const c of CATEGORIES) CSS.highlights.delete("tonelint-" + c); }
    destroy() { this.clear(); }
  }

  // ---- linting -------------------------------------------------------------------------
  class Session {
    constructor(element) {
      this.adapter = element.tagName === "TEXTAREA" ? new TextareaAdapter(element) : new RichTextAdapter(element);
      this.element = element;
      this.diagnostics = [];
      this.linted = "";
      this.timer = null;
      this.requestId = 0;
      this.pending = false;
      this.retryAt = 0;
      this.onInput = () => this.changed();
      this.onRedraw = () => this.redraw();
      element.addEventListener("input", this.onInput);
      if (element.tagName !== "TEXTAREA") {
        // Editors also change the text without an input event (their own undo, a re-render,
        // a collaborator): watch the DOM, once per task however many nodes change.
        this.observer = new MutationObserver(() => {
          if (this.mutationSeen) return;
          this.mutationSeen = true;
          setTimeout(() => { this.mutationSeen = false; this.changed(); }, 0);
        });
        this.observer.observe(element, { childList: true, characterData: true, subtree: true });
      }
      addEventListener("scroll", this.onRedraw, true);
      addEventListener("resize", this.onRedraw);
      this.schedule(0);
    }
    changed() {
      // The DOM changes of this very edit are read now: the observer need not report them again.
      if (this.observer) this.observer.takeRecords();
      const text = this.adapter.text();
      if (text === this.linted) { this.redraw(); return; } // same words, maybe new nodes: underline them again
      if (this.pending) { // the text moved on: the answer in flight would be stale
        this.pending = false;
        api.runtime.sendMessage({ type: "cancel" }).catch(() => {});
      }
      // Keep underlines in place across the edit until the server answers.
      this.diagnostics = Spans.shiftDiagnostics(this.diagnostics, Spans.diffEdit(this.linted, text));
      this.linted = text;
      this.redraw();
      this.schedule(DEBOUNCE_MS);
    }
    schedule(delay) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.lint(), Math.max(delay, this.retryAt - Date.now()));
    }
    async lint() {
      if (disabledHere) return;
      const text = this.adapter.text();
      if (!text.trim()) { this.diagnostics = []; this.redraw(); return; }
      const id = ++this.requestId;
      let reply;
      this.pending = true;
      try {
        reply = await api.runtime.sendMessage({ type: "lint", id: String(id), text: text, format: "text" });
      } catch (error) {
        return; // the extension was reloaded: nothing to do in this page any more
      } finally {
        if (id === this.requestId) this.pending = false;
      }
      if (!reply || id !== this.requestId || this.adapter.text() !== text) return; // stale: a newer lint follows
      if (reply.type === "error") {
        this.retryAt = Date.now() + reply.retryIn;
        this.schedule(reply.retryIn);
        return;
      }
      if (reply.type !== "result") return;
      this.retryAt = 0;
      this.linted = text;
      this.diagnostics = reply.diagnostics.filter((d) => !ignored.has(Spans.fingerprint(d, text)));
      this.redraw();
    }
    redraw() {
      this.rectCache = null; // positions change with the text, scrolling and resizing
      this.adapter.draw(this.diagnostics);
    }
    at(x, y) {
      // Called on every mouse move: measure the underlines once per redraw, not per move.
      if (!this.rectCache) this.rectCache = this.diagnostics.map((d) => [d, this.adapter.rects(d.span)]);
      for (const [d, rects] of this.rectCache) {
        for (const r of rects) {
          if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) return { diagnostic: d, rect: r };
        }
      }
      return null;
    }
    destroy() {
      clearTimeout(this.timer);
      this.element.removeEventListener("input", this.onInput);
      if (this.observer) this.observer.disconnect();
      removeEventListener("scroll", this.onRedraw, true);
      removeEventListener("resize", this.onRedraw);
      this.adapter.destroy();
    }
  }

  // ---- the card --------------------------------------------------------------------------
  const host = document.createElement("div");
  host.setAttribute("data-tonelint-card", "");
  host.style.cssText = "position:fixed;z-index:2147483001;display:none;";
  const shadow = host.attachShadow({ mode: "open" }); // open: tests and assistive tools can reach the card
  let cardFor = null;
  let hideTimer = null;

  function message(key, fallback) {
    try { return api.i18n.getMessage(key) || fallback; } catch (error) { return fallback; }
  }

  function onPress(button, action) {
    // mousedown must not take the focus (and the selection) from the editor; the action waits
    // for the click, so the card is still there under the pointer when the button is released
    // (hidden at mousedown, the release would land on whatever is behind it: a link, an iframe).
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", (event) => { event.preventDefault(); action(); });
  }

  function showCard(hit) {
    const d = hit.diagnostic;
    cardFor = d;
    shadow.textContent = "";
    const style = document.createElement("style");
    style.textContent = CARD_CSS;
    const card = document.createElement("div");
    card.className = "card " + d.category;
    const title = document.createElement("p");
    title.className = "message";
    title.textContent = d.message;
    card.append(style, title);
    for (const suggestion of d.suggestions.slice(0, 3)) {
      const button = document.createElement("button");
      button.className = "suggestion";
      button.textContent = suggestion;
      onPress(button, () => apply(d, suggestion));
      card.appendChild(button);
    }
    const reason = why && why.get(d.rule);
    if (reason) { // after the suggestions: the main action stays first, even in a small editor
      const line = document.createElement("p");
      line.className = "why";
      line.textContent = reason;
      card.appendChild(line);
    }
    const actions = document.createElement("div");
    actions.className = "actions";
    const ignore = document.createElement("button");
    ignore.textContent = message("ignoreHere", "Ignore here");
    onPress(ignore, () => ignoreHere(d));
    const off = document.createElement("button");
    off.textContent = message("turnOffRule", "Turn off this rule");
    onPress(off, () => turnOff(d.rule));
    actions.append(ignore, off);
    card.appendChild(actions);
    shadow.appendChild(card);
    if (!host.isConnected) document.documentElement.appendChild(host);
    host.style.left = Math.max(4, Math.min(hit.rect.left, innerWidth - 340)) + "px";
    host.style.top = hit.rect.top + "px";
    host.style.display = "block";
    // Below the words when it fits, else above them (small editors such as an iframe's).
    const height = host.getBoundingClientRect().height;
    const below = hit.rect.bottom + 6;
    host.style.top = Math.max(4, below + height <= innerHeight ? below : hit.rect.top - height - 6) + "px";
    host.style.display = "block";
  }

  function hideCard() { host.style.display = "none"; cardFor = null; }

  function apply(d, suggestion) {
    hideCard();
    if (active) active.adapter.replace(d.span, suggestion);
  }

  function ignoreHere(d) {
    hideCard();
    if (!active) return;
    ignored.add(Spans.fingerprint(d, active.linted));
    api.storage.local.set({ ignored: Array.from(ignored).slice(-2000) });
    active.diagnostics = active.diagnostics.filter((x) => x !== d);
    active.redraw();
  }

  async function turnOff(rule) {
    hideCard();
    const current = await api.storage.sync.get({ disabledRules: [] });
    if (!current.disabledRules.includes(rule)) current.disabledRules.push(rule);
    await api.storage.sync.set({ disabledRules: current.disabledRules });
    if (active) { active.diagnostics = active.diagnostics.filter((x) => x.rule !== rule); active.redraw(); active.schedule(0); }
  }

  const CARD_CSS = `
    .card { font: 14px/1.4 system-ui, sans-serif; max-width: 320px; padding: 10px 12px; border-radius: 8px;
            background: Canvas; color: CanvasText; box-shadow: 0 4px 16px rgba(0,0,0,.25); border-left: 4px solid #888; }
    .press-release { border-left-color: #c2410c; } .self-promotion { border-left-color: #7c3aed; }
    .peer-jargon { border-left-color: #0369a1; } .register, .dialogue { border-left-color: #4d7c0f; } .grammar { border-left-color: #b91c1c; }
    .message { margin: 0 0 6px; } .why { margin: 8px 0 0; color: GrayText; font-size: 13px; } button { font: inherit; cursor: pointer; border-radius: 6px; }
    .suggestion { display: block; margin: 4px 0; padding: 3px 8px; border: 1px solid #16a34a; background: transparent; color: inherit; }
    .actions { margin-top: 8px; display: flex; gap: 8px; } .actions button { border: none; background: none; color: GrayText; padding: 0; }`;

  // ---- page wiring -------------------------------------------------------------------------
  const style = document.createElement("style");
  style.textContent = CATEGORIES.map((c) => `::highlight(tonelint-${c}) { text-decoration: underline wavy var(--tonelint-${c}); text-decoration-thickness: 1.5px; }
    .tonelint-${c} { background: var(--tonelint-${c}); }`).join("\n") +
    `:root { --tonelint-press-release:#ea580c; --tonelint-self-promotion:#8b5cf6; --tonelint-peer-jargon:#0284c7;
             --tonelint-dialogue:#65a30d; --tonelint-register:#65a30d; --tonelint-grammar:#dc2626; }`;
  (document.head || document.documentElement).appendChild(style);

  document.addEventListener("focusin", (event) => {
    const root = editorRoot(event.target);
    if (!root || (active && active.element === root)) return;
    if (active) active.destroy();
    active = disabledHere ? null : new Session(root);
    if (active) loadWhy();
  });
  document.addEventListener("mousemove", (event) => {
    if (!active) return;
    if (host.contains(event.target) || event.composedPath().includes(host)) return;
    const hit = active.at(event.clientX, event.clientY);
    if (hit) {
      clearTimeout(hideTimer);
      if (hit.diagnostic !== cardFor) showCard(hit);
    } else if (cardFor) {
      clearTimeout(hideTimer); // a grace period to reach the card below the words
      hideTimer = setTimeout(hideCard, 400);
    }
  });
  host.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  host.addEventListener("mouseleave", () => { hideTimer = setTimeout(hideCard, 300); });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hideCard(); });
})();
