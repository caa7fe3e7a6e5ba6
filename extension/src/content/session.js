/* One editor's lint loop: after a pause in typing, ask the service worker for a lint; keep the
 * underlines in place across edits until the answer; drop stale answers; back off on errors. */
(function () {
  "use strict";
  const api = globalThis.browser || globalThis.chrome;
  const Spans = globalThis.TonelintSpans;
  const P = globalThis.TonelintProtocol;
  const DEBOUNCE_MS = 400;

  class Session {
    /** `context`: style (the page's PageStyle), disabled() (tonelint is off for this site),
     * ignored(diagnostic, text) (the writer dismissed that finding). */
    constructor(element, adapter, context) {
      this.element = element;
      this.adapter = adapter;
      this.context = context;
      this.diagnostics = [];
      this.linted = "";
      this.timer = null;
      this.requestId = 0;
      this.pending = false;
      this.retryAt = 0;
      this.onInput = () => this.changed();
      this.onRedraw = () => this.redraw();
      element.addEventListener("input", this.onInput);
      if (adapter.observesDom) {
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
      if (this.destroyed) return; // a DOM change queued before the writer left this editor
      // The DOM changes of this very edit are read now: the observer need not report them again.
      if (this.observer) this.observer.takeRecords();
      const text = this.adapter.text();
      if (text === this.linted) { this.redraw(); return; } // same words, maybe new nodes: underline them again
      if (this.pending) { // the text moved on: the answer in flight would be stale
        this.pending = false;
        api.runtime.sendMessage({ type: P.MESSAGES.cancel }).catch(() => {});
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
      if (this.context.disabled()) return;
      const text = this.adapter.text();
      if (!text.trim()) { this.diagnostics = []; this.redraw(); return; }
      const id = ++this.requestId;
      let reply;
      this.pending = true;
      try {
        const format = this.adapter.format ? this.adapter.format(text) : "text";
        reply = await api.runtime.sendMessage(P.lintRequest(id, text, format));
      } catch (error) {
        return; // the extension was reloaded: nothing to do in this page any more
      } finally {
        if (id === this.requestId) this.pending = false;
      }
      if (!reply || id !== this.requestId || this.adapter.text() !== text) return; // stale: a newer lint follows
      if (reply.type === P.REPLIES.error) {
        this.retryAt = Date.now() + reply.retryIn;
        this.schedule(reply.retryIn);
        return;
      }
      if (reply.type !== P.REPLIES.result) return;
      this.retryAt = 0;
      this.linted = text;
      this.diagnostics = reply.diagnostics.filter((d) => !this.context.ignored(d, text));
      this.redraw();
    }
    redraw() {
      this.rectCache = null; // positions change with the text, scrolling and resizing
      this.context.style.ensure(this.diagnostics.map((d) => d.category));
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
      // The writer left this editor: an answer still in flight must not underline it again.
      this.destroyed = true;
      this.requestId++;
      clearTimeout(this.timer);
      this.element.removeEventListener("input", this.onInput);
      if (this.observer) this.observer.disconnect();
      removeEventListener("scroll", this.onRedraw, true);
      removeEventListener("resize", this.onRedraw);
      this.adapter.destroy();
    }
  }

  globalThis.TonelintSession = Session;
})();
