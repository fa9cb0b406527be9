"""The seeds helper skips without the seeds, and fails instead under DEARREADER_REQUIRE_ALL=1."""

from pathlib import Path

import pytest

from dearreader.importer.tests import seeds


def test_missing_seeds_skip(monkeypatch, tmp_path):
    monkeypatch.setattr(seeds, "SEEDS", tmp_path / "absent")
    monkeypatch.delenv("DEARREADER_REQUIRE_ALL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs the seed stories"):
        seeds.require_seeds()


def test_missing_seeds_fail_when_everything_is_required(monkeypatch, tmp_path):
    monkeypatch.setattr(seeds, "SEEDS", tmp_path / "absent")
    monkeypatch.setenv("DEARREADER_REQUIRE_ALL", "1")
    with pytest.raises(pytest.fail.Exception, match="needs the seed stories"):
        seeds.require_seeds()


def test_seeds_path_is_beside_the_repository():
    repository = Path(seeds.__file__).resolve().parents[3]
    assert (repository / "dearreader" / "importer").is_dir()
    expected = repository.parent / "shared" / "seeds"
    assert expected == seeds.SEEDS
