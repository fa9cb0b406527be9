"""A post held in the renderer keeps nobody else from posting or logging in (SQLite, as served)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_a_slow_post_stalls_no_other_post_and_no_login(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DEARREADER_DATA_DIR=str(tmp_path), ALLOWED_HOSTS="testserver", DEBUG="false")
    result = subprocess.run(
        [sys.executable, "-m", "dearreader.works.tests.slow_post"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "other member's post: 302" in result.stdout
    assert "login: 302" in result.stdout
    assert "held post still rendering: True" in result.stdout
    # Nothing waited on a lock: well under SQLite's 5 s busy timeout.
    took = float(result.stdout.split("while held: ")[1].split(" s")[0])
    assert took < 4
