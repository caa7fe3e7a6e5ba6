"""The `tonelint` command line."""
from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from . import __version__
from .config import Config, ConfigError, find_config_file, load_config
from .configcheck import check_config
from .engine import Engine, UnknownRuleError
from .formatters import FORMATS, HUMAN_FORMATS, FileReport, render
from .model import Severity
from .reading import InputError, expand_paths
from .runner import Engines
from .rulepack import LANGUAGES, RuleError
from .i18n import UI_LANGUAGES, message_of, say, translator, ui_language
from .variants import parse_variant, variant_from_locale

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, never a traceback
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tonelint", description="Tone linter for client-facing blog posts (French and English).")
    parser.add_argument("--version", action="version", version=f"tonelint {__version__}")
    parser.add_argument("--ui-lang", choices=UI_LANGUAGES, help="language of tonelint's own words (default: your locale, else English)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="lint drafts (files, directories, or - for stdin)")
    _add_lint_options(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--fail-on", choices=[s.label for s in Severity] + ["never"], help="exit 1 on findings at or above this severity (default: warning)")
    check.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    check.add_argument("--diff", "--changed-since", dest="diff", metavar="REV",
                       help="report only findings on lines changed since this git revision (and in untracked files)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline file")
    check.add_argument("--fix", action="store_true",
                       help="apply the first suggestion of each finding whose fix is safe, then report what remains")
    check.add_argument("--unsafe-fixes", action="store_true",
                       help="with --fix or --dry-run: also apply suggestions that reword (not one-to-one term swaps)")
    check.add_argument("--dry-run", action="store_true",
                       help="print the fixes --fix would make as a unified diff, and write nothing (exit 1 when there are some)")

    baseline = sub.add_parser("baseline", help="record the current findings, so that CI reports only new ones")
    baseline_sub = baseline.add_subparsers(dest="action", required=True, parser_class=_Parser)
    create = baseline_sub.add_parser("create", help="write the baseline file")
    _add_lint_options(create)
    create.add_argument("--output", "-o", default=".tonelint-baseline.json", metavar="FILE")
    create.set_defaults(format="json", fail_on=None, diff=None, baseline=None, color="never")

    rules = sub.add_parser("rules", help="list the rules; `rules test [DIR]` runs their examples")
    rules.add_argument("--lang", choices=LANGUAGES)
    rules.add_argument("--config", metavar="FILE")
    rules_sub = rules.add_subparsers(dest="action", parser_class=_Parser)
    rules_test = rules_sub.add_parser("test", help="run the examples of the rules in DIR (default: the configuration's "
                                      "rule-dirs, else the built-in rules); exit 1 when one fails")
    rules_test.add_argument("dir", nargs="?", metavar="DIR", help="a rule directory (<lang>/<category>/<slug>.yaml)")
    rules_test.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS)
    rules_test.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS)

    evaluate = sub.add_parser("eval", help="measure precision/recall on a labelled JSONL corpus")
    evaluate.add_argument("corpus", metavar="CORPUS.jsonl")
    evaluate.add_argument("--config", metavar="FILE")
    evaluate.add_argument("--show-misses", action="store_true", help="list the documents each dimension missed or flagged wrongly (false alarms, with the rules behind them)")
    evaluate.add_argument("--min-severity", choices=[s.label for s in Severity], default="warning",
                          help="a document is flagged by findings at or above this severity (default: warning)")
    evaluate.add_argument("--split", metavar="FILE", help="a JSON file of id lists ({part: [ids]}); with --part")
    evaluate.add_argument("--part", metavar="NAME", help="evaluate only the records the split file lists under NAME")

    serve = sub.add_parser("serve", help="run the HTTP API for the browser extension (waitress)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback only)")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    serve.add_argument("--token-file", metavar="FILE", help="require 'Authorization: Bearer <token>' with the token in FILE")
    serve.add_argument("--insecure", action="store_true", help="allow a non-loopback address without a token")
    serve.add_argument("--config", metavar="FILE", help="tonelint configuration for every request")
    serve.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES", help="largest request body (default 1 MB)")
    serve.add_argument("--rate-limit", type=int, default=600, metavar="N",
                       help="requests per minute per client address (0: off)")
    serve.add_argument("--max-lint-seconds", type=float, default=10.0, metavar="S",
                       help="a draft still linting after S seconds gets a 422 and frees its worker (default 10; 0: no limit)")
    serve.add_argument("--cors-origin", action="append", default=[], metavar="REGEX",
                       help="another allowed browser origin (extension origins are always allowed)")

    explain = sub.add_parser("explain", help="describe one rule, with its examples")
    explain.add_argument("rule")
    explain.add_argument("--config", metavar="FILE")

    lsp = sub.add_parser("lsp", help="run the language server for editors (stdio)")
    lsp.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default)")
    lsp.add_argument("--tcp", type=int, metavar="PORT", help="listen on 127.0.0.1:PORT instead (for debugging)")
    return parser


def _add_lint_options(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--lang", choices=[*LANGUAGES, "auto"], help="language of the drafts (default: front matter, config, else detected)")
    parser.add_argument("--variant", metavar="CODE", help="who the readers are: fr-CA, fr-FR, fr-BE, fr-CH, en-US, en-GB, en-CA, en-AU "
                        "(default: config, front matter, then your locale); orders suggestions and turns regional rules on")
    parser.add_argument("--select", action="append", metavar="PREFIX", help="only rules with these id prefixes (repeatable, comma-separated)")
    parser.add_argument("--ignore", action="append", metavar="PREFIX", help="skip rules with these id prefixes")
    parser.add_argument("--min-severity", choices=[s.label for s in Severity], help="hide findings below this severity")
    parser.add_argument("--config", metavar="FILE", help="configuration file (default: nearest .tonelint.toml or pyproject.toml)")
    parser.add_argument("--input-format", choices=["text", "markdown", "mdx", "html"], help="format of the drafts (default: from the extension)")
    parser.add_argument("--max-file-size", type=int, metavar="BYTES", help="largest draft to read")
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="files linted in parallel (default: number of CPUs)")
    parser.add_argument("--grammar-server", metavar="URL", help="check grammar with this LanguageTool server (e.g. http://localhost:8081)")
    parser.add_argument("--grammar-level", choices=["default", "picky"], help="LanguageTool's level (picky adds style and typography rules)")


def main(argv: list[str] | None = None) -> int:
    words = translator(_ui_language_of(argv))
    _ = words.gettext
    try:
        return _run(argv)
    except UsageError as exc:
        print(_("tonelint: error: {message}").format(message=say(message_of(exc), words)), file=sys.stderr)
        return EXIT_ERROR
    except (ConfigError, RuleError, UnknownRuleError) as exc:
        print(_("tonelint: error: {message}").format(message=say(message_of(exc), words)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - a bug: one line and exit 2, never a traceback
        from .runner import internal_error

        print(_("tonelint: error: {message}").format(message=internal_error(exc)), file=sys.stderr)
        return EXIT_ERROR


def _ui_language_of(argv) -> str:
    """--ui-lang (read before the full parse, for errors in the parse itself), else the locale."""
    args = list(sys.argv[1:] if argv is None else argv)
    requested = None
    for index, arg in enumerate(args):
        if arg == "--ui-lang" and index + 1 < len(args):
            requested = args[index + 1]
        elif arg.startswith("--ui-lang="):
            requested = arg.split("=", 1)[1]
    return ui_language(os.environ, requested)


def _run(argv) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_ERROR
    if args.command == "check":
        return _check(args)
    if args.command == "serve":
        return _serve(args)
    if args.command == "baseline":
        return _baseline(args)
    if args.command == "lsp":
        if args.tcp is not None and not 0 < args.tcp < 65536:
            raise UsageError("--tcp must be a port number between 1 and 65535")
        from .lsp import serve  # pygls is imported by the language server only

        return serve(tcp_port=args.tcp, ui_lang=args.ui_lang)
    config = _base_config(args.config, Path.cwd())
    if args.command == "rules" and args.action == "test":
        return _test_rules(config, args)
    engine = Engine(config)
    if args.command == "rules":
        return _list_rules(engine, [args.lang] if args.lang else list(LANGUAGES))
    if args.command == "eval":
        return _evaluate(config, args)
    return _explain(engine, args.rule, translator(ui_language(os.environ, args.ui_lang)).gettext)


def _base_config(explicit: str | None, start: Path) -> Config:
    """--config, else the configuration found from `start` upward, checked against its rules."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            problem = "not a regular file" if path.exists() else "configuration file not found"
            raise ConfigError(f"{explicit}: {problem}")
        config = load_config(path)
    else:
        found = find_config_file(start.resolve())
        config = load_config(found) if found else Config()
    check_config(config)
    return config


def _split(values) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _cli_overrides(args, base: Config) -> tuple:
    """Command-line options as (Config field, value) pairs, applied over each file's configuration."""
    changes = {}
    if args.variant:
        try:
            changes["variant"] = parse_variant(args.variant, "--variant")
        except ValueError as exc:
            raise UsageError(message_of(exc)) from None
    if args.select:
        changes["select"] = tuple(_split(args.select))
    if args.ignore:
        changes["ignore"] = tuple(_split(args.ignore))
    if args.min_severity:
        changes["min_severity"] = Severity.parse(args.min_severity)
    if args.fail_on and args.fail_on != "never":
        changes["fail_on"] = Severity.parse(args.fail_on)
    if args.max_file_size:
        if args.max_file_size <= 0:
            raise UsageError("--max-file-size must be positive")
        changes["max_file_size"] = args.max_file_size
    if args.grammar_server or args.grammar_level:
        from dataclasses import replace

        from .grammar import GrammarSettings

        grammar = base.grammar or GrammarSettings()
        if args.grammar_server:
            if not args.grammar_server.startswith(("http://", "https://")):
                raise UsageError("--grammar-server must be an http:// or https:// URL")
            grammar = replace(grammar, server=args.grammar_server)
        if args.grammar_level:
            grammar = replace(grammar, level=args.grammar_level)
        changes["grammar"] = grammar
    return tuple(sorted(changes.items()))


def tune_garbage_collector() -> None:
    """For a process tonelint owns (the console command): linting allocates many small objects
    and almost no reference cycles, so Python's default thresholds make the collector re-scan
    the heap (models, word lists) far too often, ~12% of a run on many files. Never called when
    `main` runs inside another program: the interpreter's settings are the host's."""
    gc.freeze()  # what is alive now (modules, rules) is not scanned again
    gc.set_threshold(100_000, 50, 100)


def console_main() -> None:
    """The `tonelint` command and `python -m tonelint`: the process is ours."""
    tune_garbage_collector()
    sys.exit(main())


def _check(args) -> int:
    if args.baseline and Path(args.baseline).exists() and not Path(args.baseline).is_file():
        # Checked before linting: reading a FIFO named as the baseline would wait forever.
        raise UsageError(f"{args.baseline}: the baseline is not a regular file")
    fixing = args.fix or args.dry_run
    if args.unsafe_fixes and not fixing:
        raise UsageError("--unsafe-fixes goes with --fix or --dry-run")
    if fixing and "-" in args.paths:
        raise UsageError("--fix and --dry-run rewrite files: standard input cannot be fixed")
    engines = Engines()  # this run's: --fix lints again with the same ones
    jobs, reports = _lint_jobs(args, engines)
    fix_failed = False
    if fixing:
        fixed = _fix(args, jobs, reports, engines)
        if args.dry_run:
            return fixed
        fix_failed = fixed == EXIT_ERROR
    if args.diff:
        from .gitdiff import ChangedLines

        try:
            changed = ChangedLines(args.diff, [p for p in args.paths if p != "-"])
            _keep_only(reports, lambda r, d: r.path != "-" and changed.keeps(r.path, d.line, d.end_line))
        except InputError as exc:
            raise UsageError(message_of(exc)) from None
    if args.baseline:
        from .baseline import Baseline

        try:
            baseline = Baseline(Path(args.baseline))
        except InputError as exc:
            raise UsageError(message_of(exc)) from None
        for report in reports:
            if report.result is not None:
                _replace_diagnostics(report, baseline.new_findings(report))
    rules = {}
    if args.format in ("sarif", "html"):  # rule descriptions: SARIF's rule table, the report's "why"
        engine = Engine(_base_config(args.config, Path.cwd()))
        for lang in LANGUAGES:
            rules.update({r.id: r for r in engine.all_rules(lang)})
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    output = render(args.format, reports, rules, color=color, ui_lang=ui_language(os.environ, args.ui_lang))
    if output:
        print(output)
    if args.format in HUMAN_FORMATS and len(reports) > 1:
        from .formatters.summary import render_summary

        print(render_summary(reports, color=color, ui_lang=ui_language(os.environ, args.ui_lang)))
    _print_run_notices(reports, args.format, ui_language(os.environ, args.ui_lang))
    if any(r.error for r in reports) or fix_failed:
        return EXIT_ERROR
    if args.fail_on == "never":
        return EXIT_OK
    for report in reports:
        if any(d.severity >= report.fail_on for d in report.result.diagnostics):
            return EXIT_FINDINGS
    return EXIT_OK


def _fix(args, jobs, reports, engines) -> int | None:
    """--fix: rewrite the files and leave the remaining findings in `reports` (EXIT_ERROR when
    a file could not be fixed, else None); --dry-run: print the diffs and return the exit code
    (1 when there are fixes to make)."""
    from .fix import fix_report, fix_summary

    by_path = {job.path: job for job in jobs}
    fixes = [fix_report(report, by_path[report.path], args.unsafe_fixes, write=not args.dry_run, engines=engines)
             for report in reports if report.result is not None and report.path in by_path]
    if args.dry_run:
        diffs = "".join(f.diff for f in fixes)
        if diffs:
            sys.stdout.write(diffs)
    for fix in fixes:
        if fix.error or fix.note:
            print(f"tonelint: {fix.path}: {'note: ' + fix.note if fix.note else fix.error}", file=sys.stderr)
    print(f"tonelint: {fix_summary(fixes, write=not args.dry_run)}", file=sys.stderr)
    if any(f.error for f in fixes) or (args.dry_run and any(r.error for r in reports)):
        return EXIT_ERROR
    if not args.dry_run:
        return None
    return EXIT_FINDINGS if any(f.applied for f in fixes) else EXIT_OK


def _lint_paths(args):
    """Expand the paths, lint every draft (in parallel with --jobs), in the order given."""
    return _lint_jobs(args, Engines())[1]


def _lint_jobs(args, engines):
    """The jobs made from the paths, and their reports (in the order given), linted with `engines`."""
    from .config import forget_config_files
    from .runner import Job, default_jobs, run

    forget_config_files()
    base = _base_config(args.config, Path.cwd())
    overrides = _cli_overrides(args, base)
    explicit = base if args.config else None
    files, walk_errors = expand_paths(args.paths, exclude=base.exclude)
    locale = variant_from_locale(os.environ)
    jobs = [Job(path, explicit, overrides, None if args.lang in (None, "auto") else args.lang, args.input_format, locale)
            for path in files]
    _check_rule_names_given(_split(args.select) + _split(args.ignore), jobs, base)
    workers = args.jobs if args.jobs else default_jobs()
    if workers < 1:
        raise UsageError("--jobs must be at least 1")
    progress = _progress(len(jobs)) if args.format in HUMAN_FORMATS or not sys.stdout.isatty() else None
    try:
        reports = run(jobs, workers, sys.stdin, on_done=progress.advance if progress else None, engines=engines)
    finally:
        if progress:
            progress.stop()
    return jobs, [FileReport(path, error=message) for path, message in walk_errors] + reports


def _check_rule_names_given(names: list[str], jobs, base: Config) -> None:
    """--select/--ignore must name rules, before any file is linted: built-in rules or
    rules of the rule directories of a configuration these files use."""
    if not names:
        return
    from .configcheck import is_rule_name, known_rule_names, unknown_rule_message
    from .runner import config_file_of

    configs = {base}
    for path in {config_file_of(job) for job in jobs if job.explicit_config is None}:
        try:
            configs.add(load_config(path) if path else Config())
        except ConfigError:
            continue  # reported with each file that uses it
    known: set[str] = set()
    for rule_dirs in {config.rule_dirs for config in configs}:
        try:
            known |= known_rule_names(rule_dirs)
        except RuleError:
            return  # a broken rule file: reported with each file, and its rules' ids are unknown
    for name in names:
        if not is_rule_name(name, known):
            raise UsageError(unknown_rule_message(name, known))


class _Progress:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.progress = Progress("linting", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 console=Console(file=sys.stderr), transient=True)
        self.task = self.progress.add_task("lint", total=total)
        self.progress.start()

    def advance(self, _report) -> None:
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()


def _progress(total: int):
    """A progress bar on a terminal, for runs long enough to want one."""
    if total < 20 or not sys.stderr.isatty():
        return None
    return _Progress(total)


def _replace_diagnostics(report, kept) -> None:
    from .profile import refocus_profile

    result = report.result
    result.diagnostics = kept
    result.profile = refocus_profile(result.profile, kept)  # the profile stays the document's


def _keep_only(reports, keep) -> None:
    for report in reports:
        if report.result is not None:
            _replace_diagnostics(report, [d for d in report.result.diagnostics if keep(report, d)])


def _print_run_notices(reports, fmt: str, ui_lang: str = "en") -> None:
    words = translator(ui_lang)
    _ = words.gettext
    grammar_errors = {r.result.grammar["error"] for r in reports
                      if r.result and r.result.grammar and not r.result.grammar.get("checked")}
    for message in sorted(grammar_errors):  # one notice per run, not one per file
        print(_("tonelint: note: grammar not checked: {message}").format(message=message), file=sys.stderr)
    for report in reports:
        if report.error and fmt not in HUMAN_FORMATS:
            print(_("tonelint: {path}: {message}").format(path=report.path, message=say(report.error, words)),
                  file=sys.stderr)


def _baseline(args) -> int:
    from .baseline import create

    reports = _lint_paths(args)
    errors = [r for r in reports if r.error]
    for report in errors:
        print(f"tonelint: {report.path}: {report.error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    output = Path(args.output)
    count = create(reports, output)
    print(f"tonelint: wrote {count} findings from {len(reports)} files to {output}", file=sys.stderr)
    return EXIT_OK


def _serve(args) -> int:
    import math

    from .server import create_app, is_loopback, warm_up
    from .server.logs import configure_logging
    from .server.serving import ListenError, Transport, bind, favour_short_requests, serve
    from .server.settings import DEFAULT_ORIGINS, ServerSettings, SettingsError, read_token

    if not 0 < args.port < 65536 or args.threads < 1 or args.max_body < 1 or args.rate_limit < 0:
        raise UsageError("--port, --threads, --max-body and --rate-limit must be positive numbers")
    if not 0 <= args.max_lint_seconds < math.inf:
        raise UsageError("--max-lint-seconds must be a finite, non-negative number")
    try:
        token = read_token(args.token_file) if args.token_file else None
    except SettingsError as exc:
        raise UsageError(message_of(exc)) from None
    if not is_loopback(args.host) and not token and not args.insecure:
        raise UsageError(f"refusing to serve on {args.host} without --token-file (or say --insecure)")
    config = _base_config(args.config, Path.cwd())
    settings = ServerSettings(config=config, token=token, max_body_bytes=args.max_body,
                              rate_limit_per_minute=args.rate_limit, max_lint_seconds=args.max_lint_seconds,
                              cors_origins=DEFAULT_ORIGINS + tuple(args.cors_origin))
    try:
        sock = bind(args.host, args.port)  # before the models load: a port in use fails at once
    except ListenError as exc:
        raise UsageError(message_of(exc)) from None
    configure_logging()
    _limit_malloc_arenas()
    app = create_app(settings)
    print("tonelint: loading rules and models...", file=sys.stderr, flush=True)
    warm_up(app)
    gc.freeze()  # the loaded models and rules: never scanned again by the collector, fewer long pauses
    favour_short_requests()

    def announce() -> None:
        print(f"tonelint: serving on http://{args.host}:{args.port}/v1 ({args.threads} threads)",
              file=sys.stderr, flush=True)

    # On SIGTERM or SIGINT, requests already received finish first: each is cut at the lint limit.
    drain_seconds = args.max_lint_seconds + 5 if args.max_lint_seconds else 30
    try:
        serve(app, sock, Transport(threads=args.threads, max_body_bytes=args.max_body), drain_seconds, announce)
    except ListenError as exc:
        raise UsageError(message_of(exc)) from None
    print("tonelint: stopped", file=sys.stderr, flush=True)
    return EXIT_OK


def _limit_malloc_arenas(arenas: int = 2) -> None:
    """glibc gives each worker thread its own malloc arena; with eight threads that
    fragments memory by ~80 MB here. Capping the arenas before the threads start
    keeps the server's RSS close to the single-threaded figure. No-op elsewhere."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-8, arenas)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass


def _evaluate(config: Config, args) -> int:
    from .evaluate import CorpusError, evaluate, read_corpus, report, select_split

    try:
        records = read_corpus(Path(args.corpus))
        if bool(args.split) != bool(args.part):
            raise UsageError("--split and --part go together")
        if args.split:
            records = select_split(records, Path(args.split), args.part)
    except CorpusError as exc:
        raise UsageError(message_of(exc)) from None
    if args.show_misses and args.part == "locked":
        raise UsageError("the locked part is an honest estimate: its misses are not shown")
    evaluation = evaluate(records, config, min_severity=Severity.parse(args.min_severity))
    print(report(evaluation))
    if args.show_misses:
        print("\n".join(evaluation.misses))
    return EXIT_OK


def _test_rules(config: Config, args) -> int:
    from .rulestest import report, rules_in, run_rule_examples

    if args.dir is not None and not Path(args.dir).is_dir():
        raise UsageError(f"{args.dir}: not a directory")
    directories = [Path(args.dir)] if args.dir is not None else list(config.rule_dirs)
    rules = [r for r in rules_in(directories, config) if not args.lang or r.lang == args.lang]
    if not rules:
        where = args.dir or ", ".join(map(str, directories))
        raise UsageError(f"{where}: no rules found (rule files live in <lang>/<category>/<slug>.yaml)")
    outcomes = run_rule_examples(rules, config, directories)
    print(report(outcomes))
    return EXIT_FINDINGS if any(o.failures for o in outcomes) else EXIT_OK


def _list_rules(engine: Engine, langs: list[str]) -> int:
    for lang in langs:
        for rule in sorted(engine.all_rules(lang), key=lambda r: r.id):
            print(f"{rule.id:<48} {rule.severity.label:<10} {rule.kind:<12} {rule.title}")
    return EXIT_OK


def _explain(engine: Engine, rule_id: str, _=str) -> int:
    """`_`: the interface language's gettext (the rule's own texts are in the rule's language)."""
    rules = {rule.id: rule for lang in LANGUAGES for rule in engine.all_rules(lang)}
    rule = rules.get(rule_id)
    if rule is None:
        from .config import did_you_mean

        raise UnknownRuleError(f"unknown rule {rule_id!r}{did_you_mean(rule_id, rules)} (see `tonelint rules`)")
    doc = rule.doc()
    print(f"{rule.id} — {rule.title}")
    print(_("category: {category}   severity: {severity}   kind: {kind}").format(
        category=rule.category, severity=_(rule.severity.label), kind=rule.kind))
    if rule.variants:
        print(_("only for readers: {variants}").format(variants=", ".join(rule.variants)))
    print()
    print(rule.description)
    print()
    for line in _explain_settings(engine, rule, _):
        print(line)
    entries = _explain_lexicon_entries(engine, rule)
    if entries:
        print(_("First entries of its lexicon (term = suggestions):"))
        for entry in entries:
            print(f"  {entry}")
        print()
    print(_("Flagged:"))
    for text in doc["examples"]["incorrect"]:
        print(f"  ✗ {text}")
    print(_("Not flagged:"))
    for text in doc["examples"]["correct"]:
        print(f"  ✓ {text}")
    return EXIT_OK


def _explain_settings(engine: Engine, rule, _=str) -> list[str]:
    """Thresholds, the evidence it gives, and the configuration keys that change it."""
    from .rulepack import builtin_rules_dir
    from .verdict import read_pack_settings, rule_strength

    lines = []
    options = {k: v for k, v in rule.match.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    if options:
        lines.append(_("Thresholds: {thresholds}").format(
            thresholds=", ".join(f"{k} = {v}" for k, v in sorted(options.items()))))
    verdict = read_pack_settings(rule.lang, [builtin_rules_dir(), *engine.config.rule_dirs])["verdict"].get(rule.category)
    if verdict is not None:
        strength = rule_strength(rule)
        if rule.max_strength is not None:
            weight = _("Evidence: {strength} per finding, at most {cap} per draft;").format(
                strength=strength, cap=rule.max_strength)
        else:
            weight = _("Evidence: {strength} per finding;").format(strength=strength)
        lines.append(weight + " " + _("the {category} findings of a draft are warnings from {threshold} "
                                     "(or {per_100} per 100 words), suggestions below.").format(
            category=rule.category, threshold=f"{verdict.threshold:g}", per_100=f"{verdict.per_100_words:g}"))
        if verdict.raised_by is not None:
            lines.append(_("A draft where the cue of verdict.{category}.raised_by in {lang}/pack.yaml occurs {min} times "
                           "or more needs {factor} × that evidence.").format(
                category=rule.category, lang=rule.lang, min=verdict.raised_by.min,
                factor=f"{verdict.raised_by.factor:g}"))
        if verdict.raised_when is not None:
            lines.append(_("A draft whose {other} verdict passed needs {factor} × that evidence.").format(
                other=verdict.raised_when.passes, factor=f"{verdict.raised_when.factor:g}"))
        decay = rule.repeat_decay if rule.repeat_decay is not None else verdict.repeat_decay
        lines.append(_("Each further finding of this rule in a draft weighs {decay} × the one before "
                       "(the same words again count once).").format(decay=f"{decay:g}"))
    lines.append(_("Configuration:"))
    lines.append(f'  [severity] "{rule.id}" = "suggestion" | "warning" | "error" | "off"')
    if options:
        lines.append(f'  [rules."{rule.id}"] ' + ", ".join(f"{k} = ..." for k in sorted(options)))
    if rule.category == "peer-jargon":
        lines.append('  known-terms = ["..."]   # ' + _("terms your readers know are never jargon"))
    if rule.category == "self-promotion":
        lines.append('  self-names = ["..."]    # ' + _("your organisation's names count as « nous » / \"we\""))
    lines.append("")
    return lines


def _explain_lexicon_entries(engine: Engine, rule, count: int = 8) -> list[str]:
    from .rulepack import builtin_rules_dir
    from .rulepack.loader import load_lexicon

    names = rule.match.get("lexicon") if rule.kind == "substitution" else None
    entries = []
    for name in [names] if isinstance(names, str) else (names or []):
        try:
            entries += load_lexicon(name, rule.lang, [*engine.config.rule_dirs, builtin_rules_dir()])
        except FileNotFoundError:
            continue
    return [" ".join(e.split()) for e in entries[:count]]


if __name__ == "__main__":
    sys.exit(main())
