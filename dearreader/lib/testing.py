"""Skip-or-fail for tests that need what a plain laptop lacks (Chromium, PostgreSQL, Redis,
the shared seed stories). CI sets DEARREADER_REQUIRE_ALL=1 so that nothing is skipped there."""

import pytest

from dearreader.lib.env import env_bool


def require(condition: bool, reason: str) -> None:
    if condition:
        return
    if env_bool("DEARREADER_REQUIRE_ALL", False):
        pytest.fail(f"{reason} (DEARREADER_REQUIRE_ALL is set, so this is a failure, not a skip)")
    pytest.skip(reason)
