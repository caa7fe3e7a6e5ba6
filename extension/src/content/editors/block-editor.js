/* WordPress's block editor (Gutenberg): one contenteditable per block. The post is the container of
 * the blocks (in WordPress's post editor, the canvas that holds the post's title above them), so the
 * whole draft is linted and underlined as one text; a suggestion is applied inside its block. */
(function () {
  "use strict";
  const TextMap = globalThis.TonelintTextMap;
  const { RichTextAdapter } = globalThis.TonelintRichText;
  const BLOCK_EDITOR_ROOTS = ".block-editor-block-list__layout.is-root-container";
  // The post editor's canvas: the title (a contenteditable of its own, outside the blocks) and the blocks.
  const CANVAS = ".block-editor-writing-flow";

  class BlockEditorAdapter extends RichTextAdapter {
    constructor(element) {
      super(element);
      // The container of the blocks; editable itself only while several blocks are selected.
      this.separateBlocks = !element.isContentEditable || element.matches(CANVAS);
    }
    pieces() {
      if (!this.separateBlocks) return super.pieces();
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
      return (this.separateBlocks && element && element.closest("[contenteditable=true]")) || this.element;
    }
  }

  globalThis.TonelintEditors.editors.register({
    name: "wordpress-block-editor",
    detect(element) {
      if (!element || element.nodeType !== 1 || !element.isContentEditable) return null;
      // The title is what readers see first: where the canvas holds it with the blocks, the canvas is the draft.
      const canvas = element.closest(CANVAS);
      if (canvas && canvas.querySelector(BLOCK_EDITOR_ROOTS)) return canvas;
      // A block, or the block editor's wrapper (made editable while several blocks are selected).
      return element.closest(BLOCK_EDITOR_ROOTS) || element.querySelector(BLOCK_EDITOR_ROOTS);
    },
    adapt: (root) => new BlockEditorAdapter(root),
  });
})();
