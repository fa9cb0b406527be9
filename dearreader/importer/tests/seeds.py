"""Where the real-story seeds live, and the skip-or-fail rule for when they are missing."""

import os
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parent / "samples"


def require_seeds() -> Path:
    """The seeds folder; skips the test when it is absent, fails under DEARREADER_REQUIRE_ALL=1."""
    if SEEDS.is_dir() and any(SEEDS.glob("*.txt")):
        return SEEDS
    reason = f"needs the seed stories in {SEEDS} (the shared/ folder beside the repository)"
    if os.environ.get("DEARREADER_REQUIRE_ALL") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def seed(prefix: str) -> bytes:
    """The bytes of the seed whose file name starts with ``prefix`` ("000_", "003_")."""
    folder = require_seeds()
    matches = sorted(folder.glob(f"{prefix}*.txt"))
    if not matches:
        reason = f"no seed named {prefix}*.txt in {folder}"
        if os.environ.get("DEARREADER_REQUIRE_ALL") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return matches[0].read_bytes()


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()
