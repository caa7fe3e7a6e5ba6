"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { diffEdit, shiftDiagnostics, fingerprint } = require("../src/lib/spans.js");

const diag = (start, end, rule = "fr.press-release.cliches") => ({ rule, span: { start, end } });

test("diffEdit finds the single edit", () => {
  assert.deepEqual(diffEdit("Un leader mondial.", "Un grand leader mondial."), { start: 3, removed: 0, inserted: 6 });
  assert.deepEqual(diffEdit("abcdef", "abXYef"), { start: 2, removed: 2, inserted: 2 });
  assert.deepEqual(diffEdit("same", "same"), { start: 4, removed: 0, inserted: 0 });
  assert.deepEqual(diffEdit("", "new"), { start: 0, removed: 0, inserted: 3 });
});

test("diffEdit never splits a surrogate pair", () => {
  const edit = diffEdit("a😀b", "a😃b"); // the two emoji share their high surrogate
  assert.equal(edit.start, 1);
  assert.equal(edit.removed, 2);
  assert.equal(edit.inserted, 2);
});

test("underlines after an edit shift, before stay, touched ones are dropped", () => {
  const text = "Nous sommes fiers d'annoncer un leader mondial.";
  const announce = diag(12, 28, "fr.press-release.fier-d-annoncer");
  const leader = diag(32, 46);
  const typed = "Ah ! " + text; // insertion before both
  const shifted = shiftDiagnostics([announce, leader], diffEdit(text, typed));
  assert.deepEqual(shifted.map((d) => typed.slice(d.span.start, d.span.end)), ["fiers d'annoncer", "leader mondial"]);
  const edited = text.replace("leader", "chef"); // touches the second one only
  const kept = shiftDiagnostics([announce, leader], diffEdit(text, edited));
  assert.deepEqual(kept.map((d) => d.rule), ["fr.press-release.fier-d-annoncer"]);
});

test("UTF-16 offsets: an emoji typed before a match shifts it by two units", () => {
  const text = "Un leader mondial.";
  const after = "😀 " + text;
  const [moved] = shiftDiagnostics([diag(3, 17)], diffEdit(text, after));
  assert.equal(after.slice(moved.span.start, moved.span.end), "leader mondial");
  assert.equal(moved.span.start, 6);
});

test("fingerprints survive edits elsewhere but not edits of the words", () => {
  const text = "Intro. Un leader mondial ici.";
  const d = diag(10, 24);
  const moved = "Une longue intro ajoutée. " + text;
  const d2 = shiftDiagnostics([d], diffEdit(text, moved))[0];
  assert.equal(fingerprint(d, text), fingerprint(d2, moved));
  assert.notEqual(fingerprint(d, text), fingerprint(diag(10, 24), "Intro. Un leader régional ici."));
});

test("a fingerprint keeps no words of the draft (it is stored), and an edit a sentence away keeps it", () => {
  const text = "Un leader mondial ici. Le reste du billet.";
  const print = fingerprint(diag(3, 17), text);
  assert.match(print, /^[0-9a-f]{16}$/);
  assert.equal(fingerprint(diag(3, 17), "Un leader mondial ici. Tout autre chose, réécrite."), print);
  assert.notEqual(fingerprint(diag(3, 17, "fr.press-release.autre"), text), print);
});
