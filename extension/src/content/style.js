/* The content script's stylesheet: underlines in the page and the card's look, coloured by category.
 * Colours come from the server's categories (each pack.yaml declares them); a category the extension
 * has no colour for yet is drawn in a neutral grey, never in another category's colour. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.TonelintStyle = factory();
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const NEUTRAL = "#6b7280";
  const CATEGORY_ID = /^[a-z0-9-]{1,64}$/;
  const COLOUR = /^#[0-9a-fA-F]{6}$/;

  /** A category id fit for class and highlight names (ids come from the server: never trusted in CSS). */
  function safeId(category) {
    return CATEGORY_ID.test(category) ? category : "other";
  }

  function highlightName(category) {
    return "tonelint-" + safeId(category);
  }

  /** CSS of the page: a wavy underline per category (rich editors), a bar (the textarea overlay). */
  function pageCss(colours) {
    let css = "";
    for (const [id, colour] of colours) {
      css += `::highlight(tonelint-${id}) { text-decoration: underline wavy ${colour}; text-decoration-thickness: 1.5px; }\n` +
             `[data-tonelint-overlay] .tonelint-${id} { background: ${colour}; }\n`;
    }
    return css;
  }

  const CARD_CSS = `
    .card { font: 14px/1.4 system-ui, sans-serif; max-width: 320px; padding: 10px 12px; border-radius: 8px;
            background: Canvas; color: CanvasText; box-shadow: 0 4px 16px rgba(0,0,0,.25); border-left: 4px solid ${NEUTRAL}; }
    .message { margin: 0 0 6px; } .why { margin: 8px 0 0; color: GrayText; font-size: 13px; } button { font: inherit; cursor: pointer; border-radius: 6px; }
    .suggestion { display: block; margin: 4px 0; padding: 3px 8px; border: 1px solid #16a34a; background: transparent; color: inherit; }
    .actions { margin-top: 8px; display: flex; gap: 8px; } .actions button { border: none; background: none; color: GrayText; padding: 0; }
  `;

  /** CSS of the card (in its shadow root): its edge in a darker shade of the category's colour. */
  function cardCss(colours) {
    let css = CARD_CSS;
    for (const [id, colour] of colours) css += `.card.${id} { border-left-color: color-mix(in srgb, ${colour} 80%, black); }\n`;
    return css;
  }

  /** The page's <style>, written when a category is first seen and again when the colours arrive. */
  class PageStyle {
    constructor(doc) {
      this.doc = doc;
      this.colours = new Map(); // category id -> colour
      this.element = null;
    }
    setCategories(categories) {
      for (const c of categories || []) {
        if (CATEGORY_ID.test(c.id) && COLOUR.test(c.colour)) this.colours.set(c.id, c.colour.toLowerCase());
      }
      this.render();
    }
    ensure(categories) {
      let added = false;
      for (const category of categories) {
        const id = safeId(category);
        if (!this.colours.has(id)) { this.colours.set(id, NEUTRAL); added = true; }
      }
      if (added || !this.element) this.render();
    }
    render() {
      if (!this.element) {
        this.element = this.doc.createElement("style");
        this.element.setAttribute("data-tonelint-style", "");
        (this.doc.head || this.doc.documentElement).appendChild(this.element);
      }
      this.element.textContent = pageCss(this.colours);
    }
  }

  return { NEUTRAL: NEUTRAL, safeId: safeId, highlightName: highlightName, pageCss: pageCss, cardCss: cardCss,
           PageStyle: PageStyle };
});
