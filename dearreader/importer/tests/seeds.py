"""Where the real-story seeds live, and the skip-or-fail rule for when they are missing."""

from pathlib import Path

from dearreader.lib.testing import require

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parent / "samples"


def require_seeds() -> Path:
    """The seeds folder; skips the test when it is absent, fails under DEARREADER_REQUIRE_ALL=1."""
    require(
        SEEDS.is_dir() and any(SEEDS.glob("*.txt")),
        f"needs the seed stories in {SEEDS} (the shared/ folder beside the repository)",
    )
    return SEEDS


def seed(prefix: str) -> bytes:
    """The bytes of the seed whose file name starts with ``prefix`` ("000_", "003_")."""
    folder = require_seeds()
    matches = sorted(folder.glob(f"{prefix}*.txt"))
    require(bool(matches), f"no seed named {prefix}*.txt in {folder}")
    return matches[0].read_bytes()


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()
