/* The card shown over an underline: the message, up to three suggestions, why the rule matters,
 * "Ignore here" and "Turn off this rule". In a shadow root, so the page's CSS cannot reach it. */
(function () {
  "use strict";
  const api = globalThis.browser || globalThis.chrome;
  const Style = globalThis.TonelintStyle;

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

  class Card {
    /** `style`: the page's PageStyle (the categories' colours). */
    constructor(style) {
      this.style = style;
      this.host = document.createElement("div");
      this.host.setAttribute("data-tonelint-card", "");
      this.host.style.cssText = "position:fixed;z-index:2147483001;display:none;";
      this.shadow = this.host.attachShadow({ mode: "open" }); // open: tests and assistive tools can reach the card
      this.diagnostic = null; // the finding shown
      this.hideTimer = null;
      this.host.addEventListener("mouseenter", () => this.keep());
      this.host.addEventListener("mouseleave", () => this.hideSoon(300));
    }
    /** `hit`: {diagnostic, rect}; `actions`: why (a sentence or ""), apply(suggestion), ignore(), turnOff(). */
    show(hit, actions) {
      const d = hit.diagnostic;
      this.diagnostic = d;
      this.shadow.textContent = "";
      const css = document.createElement("style");
      css.textContent = Style.cardCss(this.style.colours);
      const card = document.createElement("div");
      card.className = "card " + Style.safeId(d.category);
      const title = document.createElement("p");
      title.className = "message";
      title.textContent = d.message;
      card.append(css, title);
      for (const suggestion of d.suggestions.slice(0, 3)) {
        const button = document.createElement("button");
        button.className = "suggestion";
        button.textContent = suggestion;
        onPress(button, () => { this.hide(); actions.apply(suggestion); });
        card.appendChild(button);
      }
      if (actions.why) { // after the suggestions: the main action stays first, even in a small editor
        const line = document.createElement("p");
        line.className = "why";
        line.textContent = actions.why;
        card.appendChild(line);
      }
      const row = document.createElement("div");
      row.className = "actions";
      const ignore = document.createElement("button");
      ignore.textContent = message("ignoreHere", "Ignore here");
      onPress(ignore, () => { this.hide(); actions.ignore(); });
      const off = document.createElement("button");
      off.textContent = message("turnOffRule", "Turn off this rule");
      onPress(off, () => { this.hide(); actions.turnOff(); });
      row.append(ignore, off);
      card.appendChild(row);
      this.shadow.appendChild(card);
      const host = this.host;
      if (!host.isConnected) document.documentElement.appendChild(host);
      host.style.left = Math.max(4, Math.min(hit.rect.left, innerWidth - 340)) + "px";
      host.style.top = hit.rect.top + "px";
      host.style.display = "block";
      // Below the words when it fits, else above them (small editors such as an iframe's).
      const height = host.getBoundingClientRect().height;
      const below = hit.rect.bottom + 6;
      host.style.top = Math.max(4, below + height <= innerHeight ? below : hit.rect.top - height - 6) + "px";
    }
    hide() {
      this.host.style.display = "none";
      this.diagnostic = null;
    }
    hideSoon(ms) {
      clearTimeout(this.hideTimer);
      this.hideTimer = setTimeout(() => this.hide(), ms);
    }
    keep() { clearTimeout(this.hideTimer); }
    /** Is the event on the card (its shadow root included)? */
    holds(event) { return this.host.contains(event.target) || event.composedPath().includes(this.host); }
  }

  globalThis.TonelintCard = Card;
})();
