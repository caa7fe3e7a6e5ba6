/* <textarea>: underlines drawn in an overlay above the field, placed from a hidden mirror that lays
 * the text out as the field does; suggestions typed in with insertText, so the field's undo works.
 * Also the one-line title field of WordPress's classic editor: readers see the title first. */
(function () {
  "use strict";
  const Style = globalThis.TonelintStyle;
  const MIRRORED = ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingLeft",
                    "paddingRight", "paddingBottom", "borderTopWidth", "borderLeftWidth", "boxSizing", "textIndent", "wordSpacing"];

  class TextareaAdapter {
    constructor(element) {
      this.element = element;
      this.singleLine = element.tagName === "INPUT"; // laid out on one line, scrolled sideways
      this.observesDom = false; // its text is its value: input events say every change
      this.overlay = document.createElement("div");
      this.overlay.setAttribute("data-tonelint-overlay", "");
      this.overlay.style.cssText = "position:absolute;pointer-events:none;overflow:hidden;z-index:2147483000;";
      document.body.appendChild(this.overlay);
      this.mirror = document.createElement("div");
      this.mirror.style.cssText = "position:absolute;visibility:hidden;white-space:pre-wrap;overflow-wrap:break-word;top:0;left:-9999px;";
      document.body.appendChild(this.mirror);
    }
    text() { return this.element.value; }
    format(text) { return globalThis.TonelintTextMap.formatOf(text); } // markup in a code view is read as HTML
    rects(span) {
      const style = getComputedStyle(this.element);
      for (const name of MIRRORED) this.mirror.style[name] = style[name];
      this.mirror.style.whiteSpace = this.singleLine ? "pre" : "pre-wrap";
      this.mirror.style.width = this.singleLine ? "auto" : this.element.clientWidth + "px";
      const value = this.element.value;
      this.mirror.textContent = value.slice(0, span.start);
      const mark = document.createElement("span");
      mark.textContent = value.slice(span.start, span.end) || "\u200b";
      this.mirror.appendChild(mark);
      const box = this.element.getBoundingClientRect();
      const mirrorBox = this.mirror.getBoundingClientRect();
      return Array.from(mark.getClientRects()).map((r) => new DOMRect(
        box.left + (r.left - mirrorBox.left) - this.element.scrollLeft,
        // a one-line field centres its line vertically, whatever its padding says
        this.singleLine ? box.top + (box.height - r.height) / 2 : box.top + (r.top - mirrorBox.top) - this.element.scrollTop,
        r.width, r.height));
    }
    draw(diagnostics) {
      this.overlay.textContent = "";
      const box = this.element.getBoundingClientRect();
      Object.assign(this.overlay.style, { left: box.left + scrollX + "px", top: box.top + scrollY + "px",
                                           width: box.width + "px", height: box.height + "px" });
      for (const d of diagnostics) {
        for (const r of this.rects(d.span)) {
          const line = document.createElement("div");
          line.className = "tonelint-underline " + Style.highlightName(d.category);
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

  /** A post's title in WordPress's classic editor (post.php): <input id="title" name="post_title">. */
  function isPostTitle(element) {
    return element.tagName === "INPUT" && element.id === "title" && element.name === "post_title";
  }

  globalThis.TonelintEditors.editors.register({
    name: "textarea",
    detect: (element) => (element && (element.tagName === "TEXTAREA" || isPostTitle(element)) &&
                          !element.readOnly && !element.disabled ? element : null),
    adapt: (root) => new TextareaAdapter(root),
  });
})();
