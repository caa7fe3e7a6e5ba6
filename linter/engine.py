"""Orchestration: source -> blocks -> language -> checks -> diagnostics + profile."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from functools import cached_property

from .analysis import DocumentAnalysis
from .cache import LRU
from .catalogue import Catalogue, build_catalogue
from .checks import KINDS, CompileContext
from .checks.base import Check, compile_check
from .config import Config
from .findings import to_diagnostic
from .grammar import make_backend
from .grammarcheck import GrammarCheck
from .i18n import N_, NOT_LINTED, Message
from .lang import clearly_other_language, detect_language, reads_as_neither
from .mention import MentionModel, spread_to_repeats
from .model import Diagnostic
from .nlp import Pipelines
from .profile import refocus_profile, tone_profile
from .positions import LineIndex, fill_positions
from .readability import paragraph_figures
from .inflect import verb_forms
from .rulepack import LANGUAGES, Rule, RuleError, load_lexicon, load_rules
from .rulepack.categories import Category
from .rulepack.loader import builtin_rules_dir
from .sources import Document, extract
from .sources.suppress import SuppressionIndex
from .selection import Selection, is_grammar_id, matches_any
from .terms import as_compared
from .tokens import PhraseIndex
from .overlap import merge_overlapping, shown_for
from .packcache import load_or_compile
from .prefilter import LiteralScan
from .variants import for_language
from .verdict import RuleWeighting, Verdict, VerdictModel, apply_verdicts, judge, read_pack_settings, rule_strength

SCHEMA_VERSION = 1


class UnknownRuleError(ValueError):
    pass


class LintDeadlineExceeded(TimeoutError):
    """The caller's time budget ran out; the lint stopped between two steps."""


@dataclass
class LintResult:
    lang: str
    diagnostics: list[Diagnostic]
    profile: dict
    words: int
    notices: list[str] = field(default_factory=list)
    grammar: dict | None = None  # status of the grammar backend, when one is configured
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    categories: tuple[Category, ...] = ()  # the language pack's, in the profile's order
    # False when no rule ran (the text reads as neither language): its profile then says nothing.
    linted: bool = True

    @property
    def dimensions(self) -> list[str]:
        """The tone dimensions every profile of this language scores, in order."""
        return [c.id for c in self.categories if c.dimension]

    def to_dict(self) -> dict:
        data = {
            "lang": self.lang,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "profile": self.profile,
        }
        if self.grammar is not None:
            data["grammar"] = self.grammar
        if not self.linted:
            data["linted"] = False
        return data


@dataclass
class CompiledPack:
    lang: str
    rules: list[Rule]
    checks: list[Check]
    index: PhraseIndex
    verdicts: dict[str, VerdictModel] = field(default_factory=dict)
    mention: MentionModel = field(default_factory=lambda: MentionModel(None))
    weightings: dict[str, RuleWeighting] = field(default_factory=dict)  # rule id -> its own cap and decay
    usage: dict[str, str] = field(default_factory=dict)  # variant -> how a message names its usage
    categories: tuple[Category, ...] = ()  # declared in pack.yaml, in the profile's order
    missing_data: dict[str, str] = field(default_factory=dict)  # rule id -> data package not installed
    literals: LiteralScan | None = None  # the literals its regexes need, looked for in one pass per block

    @cached_property
    def needs_lemmas(self) -> bool:
        return any("lemma" in check.needs for check in self.checks)

    @cached_property
    def needs_tagging(self) -> bool:
        """Whether some rule (a pack's own `pattern` rule: no built-in one) needs the tagging model."""
        return any(check.needs for check in self.checks)


BLOCK_CACHE_CHARACTERS = 2_000_000  # about 180 MB of per-block results at most
TAGGED_CACHE_CHARACTERS = 300_000  # tagged sentences kept across drafts


class Engine:
    """Compiles rule packs once per language and lints documents with them."""

    def __init__(self, config: Config | None = None, block_cache_size: int = 4096,
                 pipelines: Pipelines | None = None) -> None:
        """`pipelines`: the process's tagging models, shared with its other engines (the
        command's run, the server and the language server make one); by default the engine's own."""
        self.config = config or Config()
        self.pipelines = pipelines if pipelines is not None else Pipelines()
        self._packs: dict[str, CompiledPack] = {}
        self._lock = threading.Lock()
        self._catalogues: dict[str, Catalogue] = {}
        # Per-block text data and tagged sentences, shared across drafts: re-linting
        # after a one-paragraph edit redoes one paragraph.
        # Bounded by characters too: a cached block costs ~90 bytes per character of its text.
        self.block_cache = LRU(block_cache_size, max_weight=BLOCK_CACHE_CHARACTERS)
        self.tagged_cache = LRU(1024, max_weight=TAGGED_CACHE_CHARACTERS)  # spaCy Docs are heavy
        self.grammar = make_backend(self.config.grammar)  # None: grammar off
        # known terms compared as findings' matches are (composed, lower case), built once
        self._known_terms = frozenset(as_compared(term) for term in self.config.known_terms)
        self.grammar_check = GrammarCheck(self.grammar, self.selection, self.config.min_severity) \
            if self.grammar is not None else None
        self._check_rule_names()

    # -- rules -------------------------------------------------------------
    def catalogue(self, lang: str) -> Catalogue:
        """Every rule of `lang` with its severity and state under this configuration, and the pack's
        categories: built once (the rule files are read again only by a new engine)."""
        if lang not in self._catalogues:
            self._catalogues[lang] = build_catalogue(lang, self.config)
        return self._catalogues[lang]

    def all_rules(self, lang: str) -> list[Rule]:
        return load_rules(lang, list(self.config.rule_dirs))

    def _check_rule_names(self) -> None:
        """Every select/ignore/severity prefix must name at least one rule."""
        names = list(self.config.select) + list(self.config.ignore) + [p for p, _ in self.config.severity]
        names += [rule_id for rule_id, _ in self.config.rule_options]
        self.check_rule_names(names)

    def check_rule_names(self, names) -> None:
        """Raise UnknownRuleError for a name that is no rule id or id prefix."""
        for name in names:
            problem = self.unknown_rule_name(name)
            if problem:
                raise UnknownRuleError(f"{problem} (see `tonelint rules`)")

    def unknown_rule_name(self, name: str) -> str | None:
        """"unknown rule id or prefix 'x' (did you mean 'y'?)", or None when `name` names rules."""
        if not hasattr(self, "_known_ids"):
            self._known_ids = [r.id for lang in LANGUAGES for r in self.all_rules(lang)]
        ids = self._known_ids
        if name in LANGUAGES or is_grammar_id(name) or any(matches_any(i, [name]) for i in ids):
            return None
        from .config import did_you_mean

        prefixes = {p for i in ids for p in (i, i.rsplit(".", 1)[0], i.split(".", 1)[1])}
        return f"unknown rule id or prefix {name!r}{did_you_mean(name, prefixes)}"

    def pack(self, lang: str) -> CompiledPack:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r} (supported: {', '.join(LANGUAGES)})")
        with self._lock:
            if lang not in self._packs:
                roots = [builtin_rules_dir(), *self.config.rule_dirs]
                self._packs[lang] = load_or_compile(lang, self.config, roots, lambda: self._compile(lang))
            return self._packs[lang]

    def _compile(self, lang: str) -> CompiledPack:
        config = self.config
        index = PhraseIndex()
        ctx = CompileContext(lang, index, [*config.rule_dirs, builtin_rules_dir()],
                             list(config.self_names), list(config.known_terms))
        selection = self.selection
        rules, checks = [], []
        for rule in self.all_rules(lang):
            # `select` narrows what is shown, not what judges the draft (see _lint); `ignore` turns rules off.
            if not rule.enabled or not selection.runs(rule.id):
                continue
            # The loaded rule stays as its file says: this engine's view of it is a copy.
            rule = replace(rule, severity=selection.severity_for(rule.id, rule.severity),
                           match={**rule.match, **config.options_for(rule.id)})
            kind = KINDS.get(rule.kind)
            if kind is None:
                raise RuleError(rule.path, "kind", f"unknown kind {rule.kind!r} (known: {', '.join(sorted(KINDS))})")
            checks.append(compile_check(kind, rule, ctx))
            rules.append(rule)
        settings = read_pack_settings(lang, [builtin_rules_dir(), *config.rule_dirs])
        weightings = {rule.id: RuleWeighting(rule.max_strength, rule.repeat_decay, rule_strength(rule)) for rule in rules}
        return CompiledPack(lang, rules, checks, index, settings["verdict"],
                            MentionModel.from_spec(settings["mention"], self._speech_words(lang, settings["mention"], ctx)), weightings, dict(settings["usage"]),
                            tuple(settings["categories"].values()), dict(ctx.missing_data),
                            LiteralScan(literal for search in ctx.searches if search.ignores_case
                                        for literals in search.requirements for literal in literals))

    @staticmethod
    def _speech_words(lang: str, mention: dict, ctx: CompileContext) -> tuple[str, ...]:
        """Every form's last word of the speech verbs the pack's `mention.speech_verbs` lexicon
        lists (« a déclaré » -> « déclaré »): what attributes a quotation to a speaker."""
        name = mention.get("speech_verbs")
        if not name:
            return ()
        entries = load_lexicon(name, lang, ctx.rule_dirs)
        return tuple({form.split()[-1] for entry in entries for form in verb_forms(entry, lang)})

    # -- linting -----------------------------------------------------------
    def detect(self, document: Document) -> str:
        return detect_language(document.prose, fallback=self.config.lang or "fr")

    def lint(self, source: str, fmt: str = "text", lang: str | None = None,
             select: tuple[str, ...] = (), ignore: tuple[str, ...] = (), *,
             deadline: float | None = None, grammar: bool = True, variant: str | None = None,
             locale_variant: str | None = None) -> LintResult:
        """Lint one draft. `select`/`ignore` narrow this call only (the engine's rules
        and caches are shared, so a server can honour them per request). `deadline`
        (a time.monotonic() value) stops the lint between rules with LintDeadlineExceeded;
        `grammar=False` leaves the grammar backend out (a server warming up). `variant` (fr-CA,
        en-GB...) says who the readers are; by default the configuration's, then the front matter's,
        then `locale_variant` (the writer's locale)."""
        result = self._lint(source, fmt, lang, deadline, grammar, variant, locale_variant)
        if select or ignore:
            wanted = Selection(select, ignore).shows
            kept = [shown for d in result.diagnostics if (shown := shown_for(d, wanted)) is not None]
            fill_positions([d for d in kept if not d.line], source)  # a merged finding shown by another rule
            result.diagnostics = kept
            result.profile = refocus_profile(result.profile, kept)
        return result

    def _lint(self, source: str, fmt: str, lang: str | None, deadline: float | None = None,
              grammar: bool = True, variant: str | None = None, locale_variant: str | None = None) -> LintResult:
        document = extract(source, fmt)
        lang_asked = lang
        # Most specific first: the caller, the page's own front matter, the configuration, detection.
        forced = lang or document.meta_lang or self.config.lang
        lang = forced or self.detect(document)
        # The readers: the caller, the configuration, the page's front matter, the writer's locale.
        variant = for_language(variant or self.config.variant or document.meta_variant, lang) \
            or for_language(locale_variant, lang)
        pack = self.pack(lang)
        pipelines = self.pipelines
        analysis = DocumentAnalysis.build(lang, document, pack.index,
                                          lambda: pipelines.get(lang, pack.needs_lemmas),
                                          self.block_cache, self.tagged_cache, pipelines.tagging_lock(lang),
                                          pack.literals)
        notices: list[str] = list(document.notices)
        for name in sorted({n for s in document.suppressions for n in s.rules}):
            if problem := self.unknown_rule_name(name):
                notices.append(Message(N_("a tonelint-disable comment names no rule: {problem}"), problem=problem))
        if forced and (other := clearly_other_language(document.prose, lang)):
            notices.append(Message(N_("linted as {lang} as asked, but the text reads as {other}: check --lang, "
                                      "the configuration's lang or the front matter"), lang=lang, other=other))
        # German or Spanish prose judged by the French pack is all "rare words": say so instead.
        # Asking for a language (the call or the page's front matter) lints it anyway.
        foreign_share = None if (lang_asked or document.meta_lang) else reads_as_neither(document.prose, lang)
        if foreign_share is not None:
            notices.append(Message(N_("{not_linted} (only {share}% of its words are common {lang} words); ask for a "
                                      "language (--lang, the API's lang) to lint it anyway"),
                                   not_linted=Message(NOT_LINTED), share=round(foreign_share * 100), lang=lang))
        diagnostics: list[Diagnostic] = []
        suppressed = SuppressionIndex(document.suppressions)
        for check in pack.checks if foreign_share is None else ():
            if deadline is not None and time.monotonic() > deadline:
                raise LintDeadlineExceeded("the time budget ran out")
            rule = check.rule
            if rule.variants and variant not in rule.variants:
                continue  # a usage note for other readers
            if rule.id in pack.missing_data:
                notices.append(Message(N_("{rule}: skipped, {package} is not installed"), rule=rule.id,
                                       package=pack.missing_data[rule.id]))
                continue
            tagged = bool(check.needs)
            # The model loads only when a sentence needs tagging: most short drafts never pay for spaCy.
            if tagged and not pipelines.model_installed(lang):
                notices.append(Message(N_("{rule}: skipped, no {lang} tagging model installed"), rule=rule.id, lang=lang))
                continue
            produced = 0
            for finding in check.weigh(analysis, check.run(analysis)):
                diagnostic = to_diagnostic(rule, analysis, finding, pack, variant)
                if diagnostic is None:
                    continue
                diagnostic.document_level = check.describes_document
                if rule.category == "peer-jargon" and as_compared(diagnostic.match) in self._known_terms:
                    continue
                if suppressed.covers(rule.id, diagnostic.span.start):
                    continue
                diagnostics.append(diagnostic)
                produced += 1
                if rule.limit and produced >= rule.limit:
                    break
            if tagged and not pipelines.model_installed(lang):  # installed, but failed to load just now
                notices.append(Message(N_("{rule}: skipped, the {lang} tagging model could not be loaded"),
                                       rule=rule.id, lang=lang))
        # A draft about press releases quotes their phrases: mentions, not uses.
        block_texts = [b.quoting_text for b in analysis.blocks]
        for category in pack.mention.discussed(block_texts):
            for d in diagnostics:
                if d.category == category:
                    d.mention, d.strength = True, 0.0
        spread_to_repeats(diagnostics)
        # Evidence, then verdict: severities of the tone dimensions follow the whole draft's evidence.
        verdicts = judge(diagnostics, analysis.words, pack.verdicts, pack.weightings, block_texts)
        apply_verdicts(diagnostics, verdicts, self._severity_set_by_user)
        diagnostics = merge_overlapping(diagnostics, pack.verdicts)  # one problem, one finding
        every_finding = list(diagnostics)
        diagnostics = [d for d in diagnostics if d.severity >= self.config.min_severity]
        if self.config.select:
            shows = Selection(self.config.select).shows
            diagnostics = [shown for d in diagnostics if (shown := shown_for(d, shows)) is not None]
        grammar_status = None
        if self.grammar_check is not None and grammar and foreign_share is None:
            outcome = self.grammar_check.run(lang, analysis)
            diagnostics += outcome.diagnostics
            grammar_status = outcome.status
        diagnostics.sort(key=Diagnostic.sort_key)
        fill_positions(diagnostics, source)
        metrics = dict(analysis.readability)
        metrics["paragraphs"] = paragraph_figures(lang, analysis, LineIndex(source))
        every_finding += [d for d in diagnostics if d.category == "grammar"]
        profile = tone_profile(every_finding, analysis.words, metrics, verdicts, shown=diagnostics,
                               categories=pack.categories)
        return LintResult(lang, diagnostics, profile, analysis.words, notices, grammar_status, verdicts,
                          pack.categories, linted=foreign_share is None)

    @cached_property
    def selection(self) -> Selection:
        """Built once: the configuration does not change, and every finding asks."""
        return Selection(self.config.select, self.config.ignore, self.config.severity)

    def _severity_set_by_user(self, rule_id: str) -> bool:
        return self.selection.set_by_user(rule_id)


def lint_text(text: str, format: str = "text", lang: str | None = None, config: Config | None = None,
              pipelines: Pipelines | None = None) -> LintResult:
    """Lint one draft given as a string, with an engine made for this call (its rules compile
    anew, so rule files edited since are seen; its tagging models load anew unless `pipelines`
    is given). To lint many drafts, make one `Engine` and call its `lint`: rules compile once
    and per-block results are shared."""
    return Engine(config, pipelines=pipelines).lint(text, format, lang)
