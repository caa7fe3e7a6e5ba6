/* Rich editors (contenteditable): underlines drawn with the CSS Custom Highlight API, without
 * touching the editor's DOM; suggestions applied through the editor's own input path. The base
 * adapter here is also the fallback for any contenteditable no other adapter claims (Medium- and
 * LinkedIn-style composers, a plain contenteditable). */
(function () {
  "use strict";
  const TextMap = globalThis.TonelintTextMap;
  const Style = globalThis.TonelintStyle;

  /** The outermost editable ancestor of an editable element: the editor's root. */
  function editableRoot(element) {
    let root = element;
    while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
    return root;
  }

  class RichTextAdapter {
    constructor(element) {
      this.element = element;
      this.map = null;
      this.drawn = new Set(); // highlight names this adapter has set
      this.observesDom = true; // own undo, re-renders, collaborators change the text without input events
    }
    /** The pieces of text the draft is made of (TextMap), in order. */
    pieces() { return TextMap.piecesOf(this.element); }
    /** The editable element that holds a node (where the focus goes to replace text). */
    editableOf(node) { return this.element; }
    /** Called after the browser's own insertText replaced the words (no editor took the beforeinput). */
    afterBrowserInsert(editable, text) {}
    text() {
      this.map = TextMap.buildTextMap(this.pieces());
      return this.map.text;
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
      const byName = new Map(Array.from(this.drawn, (name) => [name, []])); // categories gone: emptied
      for (const d of diagnostics) {
        const range = this.range(d.span);
        const name = Style.highlightName(d.category);
        if (!byName.has(name)) byName.set(name, []);
        if (range) byName.get(name).push(range);
      }
      for (const [name, ranges] of byName) {
        CSS.highlights.set(name, new Highlight(...ranges));
        this.drawn.add(name);
      }
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
        if (!event.defaultPrevented && document.execCommand("insertText", false, text)) this.afterBrowserInsert(editable, text);
      }, 30);
    }
    clear() {
      if (globalThis.CSS && CSS.highlights) for (const name of this.drawn) CSS.highlights.delete(name);
      this.drawn.clear();
    }
    destroy() { this.clear(); }
  }

  globalThis.TonelintRichText = { RichTextAdapter: RichTextAdapter, editableRoot: editableRoot };
  globalThis.TonelintEditors.editors.register({
    name: "contenteditable",
    fallback: true,
    detect: (element) => (element && element.nodeType === 1 && element.isContentEditable ? editableRoot(element) : null),
    adapt: (root) => new RichTextAdapter(root),
  });
})();
