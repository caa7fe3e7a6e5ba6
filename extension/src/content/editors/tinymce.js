/* TinyMCE (WordPress's classic editor), whose body is a contenteditable in its own iframe. */
(function () {
  "use strict";
  const { RichTextAdapter, editableRoot } = globalThis.TonelintRichText;

  class TinyMceAdapter extends RichTextAdapter {
    afterBrowserInsert(editable, text) {
      // TinyMCE records a spell-checker correction as an undo step of its own: say it was one.
      editable.dispatchEvent(new InputEvent("input", { inputType: "insertReplacementText", data: text, bubbles: true }));
    }
  }

  globalThis.TonelintEditors.editors.register({
    name: "tinymce",
    detect(element) {
      if (!element || element.nodeType !== 1 || !element.isContentEditable) return null;
      const root = editableRoot(element);
      return root.classList.contains("mce-content-body") ? root : null;
    },
    adapt: (root) => new TinyMceAdapter(root),
  });
})();
