"""Build the store packages: dist/tonelint-chrome.zip and dist/tonelint-firefox.zip.

One code base: Chromium's MV3 runs src/background.js as a service worker; Firefox's
MV3 runs it as a background script (with protocol.js loaded first), and needs an id.
Usage: python3 extension/build.py [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ["manifest.json", "src", "_locales", "icons"]
GECKO = {"id": "tonelint@tonelint.invalid", "strict_min_version": "128.0"}


def icon_png(size: int) -> bytes:
    """A small icon of our own: a rounded orange square with a white underline stroke."""
    rows = []
    radius = size // 5
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            cx = min(x, size - 1 - x)
            cy = min(y, size - 1 - y)
            inside = not (cx < radius and cy < radius and (radius - cx) ** 2 + (radius - cy) ** 2 > radius ** 2)
            stroke = size * 0.22 < x < size * 0.78 and size * 0.62 < y < size * 0.72
            row += bytes((255, 255, 255, 255) if inside and stroke else (234, 88, 12, 255) if inside else (0, 0, 0, 0))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def ensure_icons() -> None:
    for size in (48, 128):
        path = HERE / "icons" / f"icon-{size}.png"
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(icon_png(size))


def firefox_manifest(manifest: dict) -> dict:
    result = dict(manifest)
    result["background"] = {"scripts": ["src/lib/protocol.js", "src/background.js"]}
    result["browser_specific_settings"] = {"gecko": GECKO}
    return result


def package(out: Path, browser: str) -> Path:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    if browser == "firefox":
        manifest = firefox_manifest(manifest)
    target = out / f"tonelint-{browser}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for name in FILES[1:]:
            for path in sorted((HERE / name).rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(HERE).as_posix())
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(HERE / "dist"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    ensure_icons()
    for browser in ("chrome", "firefox"):
        print(package(out, browser))


if __name__ == "__main__":
    main()
