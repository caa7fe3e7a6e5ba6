"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const Style = require("../src/content/style.js");

function fakeDocument() {
  const appended = [];
  const make = () => ({ textContent: "", setAttribute() {} });
  return { appended, createElement: make, head: { appendChild: (e) => appended.push(e) } };
}

test("underline colours come from the categories; an unknown one is neutral, never another category's", () => {
  const doc = fakeDocument();
  const style = new Style.PageStyle(doc);
  style.ensure(["press-release", "legalese"]);
  assert.equal(doc.appended.length, 1);
  const css = () => doc.appended[0].textContent;
  assert.match(css(), /::highlight\(tonelint-legalese\) \{ text-decoration: underline wavy #6b7280;/);
  style.setCategories([{ id: "press-release", colour: "#EA580C" }, { id: "register", colour: "#65a30d" }]);
  assert.match(css(), /::highlight\(tonelint-press-release\) \{ text-decoration: underline wavy #ea580c;/);
  assert.match(css(), /\[data-tonelint-overlay\] \.tonelint-press-release \{ background: #ea580c; \}/);
  assert.doesNotMatch(css(), /tonelint-legalese\) \{ text-decoration: underline wavy #65a30d/);
  assert.equal(doc.appended.length, 1, "one <style>, rewritten");
});

test("ids and colours from the server never reach the CSS unchecked", () => {
  assert.equal(Style.safeId("x){}body{display:none"), "other");
  assert.equal(Style.highlightName("peer-jargon"), "tonelint-peer-jargon");
  const doc = fakeDocument();
  const style = new Style.PageStyle(doc);
  style.setCategories([{ id: "a}b", colour: "#123456" }, { id: "ok", colour: "red;}" }]);
  assert.equal(doc.appended[0].textContent, "");
  const card = Style.cardCss(new Map([["dialogue", "#65a30d"]]));
  assert.match(card, /\.card\.dialogue \{ border-left-color: color-mix\(in srgb, #65a30d 80%, black\); \}/);
});
