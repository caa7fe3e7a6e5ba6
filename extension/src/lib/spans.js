/* Underline positions across the writer's edits: pure functions, no DOM.
 * Offsets are UTF-16 code units (JavaScript string indices), as the server sends them. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.TonelintSpans = factory();
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  /** The single edit that turns `before` into `after`: common prefix and suffix removed. */
  function diffEdit(before, after) {
    let start = 0;
    const max = Math.min(before.length, after.length);
    while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    // never split a surrogate pair
    if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1)) && start < before.length) start--;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
      endBefore--;
      endAfter--;
    }
    return { start: start, removed: endBefore - start, inserted: endAfter - start };
  }

  function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
  }

  /** Move diagnostics across an edit: those after it shift, those it touched are dropped. */
  function shiftDiagnostics(diagnostics, edit) {
    const delta = edit.inserted - edit.removed;
    const editEnd = edit.start + edit.removed;
    const kept = [];
    for (const d of diagnostics) {
      const { start, end } = d.span;
      if (end <= edit.start) {
        kept.push(d); // before the edit (typing right after a phrase keeps it until the next lint)
      } else if (start >= editEnd) {
        kept.push(Object.assign({}, d, { span: { start: start + delta, end: end + delta } }));
      } // otherwise the edit touched the flagged words: drop the underline until the next lint
    }
    return kept;
  }

  /** A fingerprint that survives edits elsewhere: rule + flagged words + a little context, hashed.
   *
   * Not linter/baseline.py's fingerprint, on purpose. A baseline remembers findings of committed
   * files across commits, so it takes the whole line; here the writer is typing in the very
   * paragraph the dismissed finding sits in (a contenteditable paragraph is one long line), so
   * only a few words on each side, within the sentence, are taken: an edit a sentence away must
   * not bring the finding back. Only the hash is stored (storage.local), never the draft's words. */
  function fingerprint(diagnostic, text) {
    const { start, end } = diagnostic.span;
    // Context: up to 24 characters on each side, never past the sentence the words are in.
    let from = Math.max(0, start - 24);
    for (let i = start - 1; i >= from; i--) if (".!?\n".includes(text[i])) { from = i + 1; break; }
    let to = Math.min(text.length, end + 24);
    for (let i = end; i < to; i++) if (".!?\n".includes(text[i])) { to = i; break; }
    const before = text.slice(from, start).trim().toLowerCase().replace(/\s+/g, " ");
    const after = text.slice(end, to).trim().toLowerCase().replace(/\s+/g, " ");
    return hash([diagnostic.rule, text.slice(start, end).toLowerCase(), before, after].join("\u241f"));
  }

  /** 64 bits of FNV-1a (two 32-bit lanes with different offsets), in hex: enough to tell a
   * writer's few thousand dismissed findings apart, and synchronous (SubtleCrypto is not). */
  function hash(text) {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193) >>> 0;
      b = Math.imul(b ^ code, 0x01000193) >>> 0;
      b = (b ^ (b >>> 15)) >>> 0;
    }
    return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
  }

  return { diffEdit: diffEdit, shiftDiagnostics: shiftDiagnostics, fingerprint: fingerprint };
});
