"""Shared test helpers: where ../shared is, and a way to run the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO = REPO / "examples" / "demo"


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the shared evaluation data sits beside the clone in CI")
    return path


class CLI:
    """Runs ``python -m newsthread`` against one temporary store."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def run(self, *args: str, stdin: str | None = None, db: bool = True) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "newsthread", *args]
        if db:
            command += ["--db", str(self.db)]
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        return subprocess.run(command, check=False, input=stdin, capture_output=True, text=True, env=env, timeout=600)

    def json(self, *args: str) -> object:
        result = self.run(*args, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli(tmp_path) -> CLI:
    return CLI(tmp_path / "test.db")
