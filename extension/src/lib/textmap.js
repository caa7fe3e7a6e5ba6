/* Plain text of an editor and the way back from text offsets to DOM positions.
 * `buildTextMap` takes the editor's text pieces in document order (text nodes, and
 * separators for block boundaries and <br>), so it works on any DOM (or a test double). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.TonelintTextMap = factory();
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  /**
   * pieces: [{ node, text }] for text nodes, [{ separator: "\n\n" }] between blocks.
   * Returns { text, locate(offset, bias) } where locate gives { node, offset } inside a text node.
   */
  function buildTextMap(pieces) {
    const starts = [];
    const nodes = [];
    let text = "";
    for (const piece of pieces) {
      if (piece.separator !== undefined) {
        text += piece.separator;
        continue;
      }
      starts.push(text.length);
      nodes.push(piece);
      text += piece.text;
    }

    function locate(offset, bias) {
      // bias "end": an offset at a boundary belongs to the piece before (end of a range)
      let lo = 0;
      let hi = nodes.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const begins = starts[mid];
        if (begins < offset || (begins === offset && bias !== "end")) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      if (found < 0) return nodes.length ? { node: nodes[0].node, offset: 0 } : null;
      const inside = offset - starts[found];
      const length = nodes[found].text.length;
      if (inside > length) {
        // the offset falls in a separator: snap to the end of this node or the start of the next
        if (bias === "end" || found + 1 >= nodes.length) return { node: nodes[found].node, offset: length };
        return { node: nodes[found + 1].node, offset: 0 };
      }
      return { node: nodes[found].node, offset: inside };
    }

    return { text: text, locate: locate };
  }

  /** Block-level elements start a new paragraph in the text sent to the server. */
  const BLOCK_TAGS = new Set([
    "P", "DIV", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TABLE",
    "TR", "TD", "TH", "SECTION", "ARTICLE", "FIGURE", "FIGCAPTION", "HEADER", "FOOTER", "DL", "DT", "DD",
  ]);
  const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "CODE", "PRE", "TEMPLATE", "NOSCRIPT", "SVG"]);

  /** Walk a DOM subtree into pieces (used in the page; tested with a small fake DOM). */
  function piecesOf(rootNode) {
    const pieces = [];
    let pendingBreak = false;
    function visit(node) {
      if (node.nodeType === 3) {
        if (!node.nodeValue) return;
        if (pendingBreak && pieces.length) pieces.push({ separator: "\n\n" });
        pendingBreak = false;
        pieces.push({ node: node, text: node.nodeValue });
        return;
      }
      if (node.nodeType !== 1) return;
      const tag = node.tagName;
      if (SKIPPED_TAGS.has(tag) || (node.getAttribute && node.getAttribute("contenteditable") === "false")) {
        if (pieces.length) pendingBreak = true;
        return;
      }
      if (tag === "BR") {
        if (pieces.length) pieces.push({ separator: "\n" });
        return;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block && pieces.length) pendingBreak = true;
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      if (block) pendingBreak = true;
    }
    visit(rootNode);
    return pieces;
  }

  // A plain-text field that holds markup (WordPress's code editor, an HTML source view): the
  // server reads it as HTML, so tags, attributes and block comments are not linted as words.
  const MARKUP = /<!--\s*\/?wp:|<(?:p|h[1-6]|ul|ol|li|div|blockquote|figure|table|section|article)\b[^<>]*>/i;

  /** The format a plain-text field's value should be linted as: "html" or "text". */
  function formatOf(text) {
    return MARKUP.test(text) ? "html" : "text";
  }

  return { buildTextMap: buildTextMap, piecesOf: piecesOf, formatOf: formatOf };
});
