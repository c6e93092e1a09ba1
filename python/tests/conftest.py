"""Shared fixtures: the seed reports, and the command-line tool to compare
the package's output with."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def cli(*args: str) -> bytes:
    """What `corroborate ARGS` writes: the binary in $CORROBORATE_BIN, or
    `cargo run` in the repository (which builds it when needed)."""
    binary = os.environ.get("CORROBORATE_BIN")
    if binary:
        command = [binary, *args]
    else:
        cargo = shutil.which("cargo")
        if cargo is None:
            pytest.fail("no cargo to run the command-line tool (set CORROBORATE_BIN)")
        command = [cargo, "run", "--quiet", "--bin", "corroborate", "--", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="session")
def seeds():
    import corroborate

    return corroborate.load(SEEDS)


@pytest.fixture(scope="session")
def seed_comparison(seeds):
    import corroborate

    return corroborate.compare(seeds)
