"""The official SARIF 2.1.0 JSON schema, from the npm registry package that ships it.

Fetched once into tests/.cache (not committed): @microsoft/jest-sarif (MIT)
carries sarif-2.1.0-rtm.5.json, the final 2.1.0 schema.
"""
from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
CACHE = Path(__file__).parent / ".cache"


def sarif_schema() -> dict:
    target = CACHE / "sarif-2.1.0-rtm.5.json"
    if not target.exists():
        CACHE.mkdir(exist_ok=True)
        # Each process packs into its own folder and the schema lands in one rename: parallel test
        # workers never read half a file or remove each other's archive.
        with tempfile.TemporaryDirectory(dir=CACHE) as folder:
            proc = subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", folder, "--silent"],
                                  capture_output=True, text=True, timeout=180)
            if proc.returncode != 0:
                raise RuntimeError(f"could not fetch the SARIF schema with npm: {proc.stderr.strip()[-300:]}")
            archive = Path(folder) / proc.stdout.strip().splitlines()[-1]
            fetched = Path(folder) / target.name
            with tarfile.open(archive) as tar:
                fetched.write_bytes(tar.extractfile(MEMBER).read())
            fetched.replace(target)
    return json.loads(target.read_text(encoding="utf-8"))
