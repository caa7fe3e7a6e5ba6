/* Editor adapters: each file under editors/ registers one way to recognise an editor and adapt to it.
 * detect(element) -> the editor's root element for the focused element, or null;
 * adapt(root) -> an adapter: text(), rects(span), draw(diagnostics), replace(span, text), clear(), destroy(),
 *                and observesDom (the editor changes its text without input events: watch the DOM).
 * Specific editors are asked first, in the order they are loaded; a fallback (plain contenteditable) last.
 * Adding an editor is adding one file here (and its line in manifest.json's content_scripts). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.TonelintEditors = factory();
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  function createRegistry() {
    const specific = [];
    const fallbacks = [];
    return {
      register(editor) {
        if (!editor || typeof editor.name !== "string" || typeof editor.detect !== "function" || typeof editor.adapt !== "function") {
          throw new TypeError("an editor needs a name, detect(element) and adapt(root)");
        }
        (editor.fallback ? fallbacks : specific).push(editor);
      },
      /** The editor the element belongs to: {name, root, adapt()}, or null when it is none of ours. */
      find(element) {
        for (const editor of specific.concat(fallbacks)) {
          const root = editor.detect(element);
          if (root) return { name: editor.name, root: root, adapt: () => editor.adapt(root) };
        }
        return null;
      },
      names() {
        return specific.concat(fallbacks).map((editor) => editor.name);
      },
    };
  }

  return { createRegistry: createRegistry, editors: createRegistry() };
});
