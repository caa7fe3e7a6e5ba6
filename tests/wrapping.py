"""Wrap an example text in Markdown or HTML and track where its marked spans land."""
from __future__ import annotations

import html

MD_PREFIX = "---\nlayout: post\ntags: [leader mondial]\n---\n\n"
HTML_PREFIX = "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><style>p { color: red; }</style></head>\n<body>\n<p>"


def _md_piece(piece: str) -> str:
    return piece


def _html_piece(piece: str) -> str:
    return html.escape(piece, quote=False).replace("\n\n", "</p>\n<p>")


def wrap(text: str, spans: list[tuple[int, int]], fmt: str, code: str = "") -> tuple[str, list[tuple[int, int]]]:
    """Return the wrapped source and the spans moved to source offsets.

    `code` is put in a code block, which must never be linted.
    """
    if fmt == "text":
        return text, list(spans)
    if fmt == "markdown":
        prefix, piece = MD_PREFIX, _md_piece
        suffix = "\n\n```\n" + code + "\n```\n\nInline `" + code.replace("`", "") + "` code.\n" if code else "\n"
    else:
        prefix, piece = HTML_PREFIX, _html_piece
        suffix = "</p>\n<pre><code>" + html.escape(code) + "</code></pre>\n<script>var x = '" + \
            code.replace("'", "").replace("\n", " ") + "';</script>\n</body></html>\n"
    cuts = sorted({0, len(text), *[p for span in spans for p in span]})
    out = [prefix]
    position = {}
    for a, b in zip(cuts, cuts[1:]):
        position[a] = sum(map(len, out))
        out.append(piece(text[a:b]))
    position[len(text)] = sum(map(len, out))
    out.append(suffix)
    return "".join(out), [(position[s], position[e]) for s, e in spans]
