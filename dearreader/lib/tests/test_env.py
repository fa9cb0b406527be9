import pytest

from dearreader.lib.env import ConfigError, env_bool, env_int, env_list, env_secret


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("ON", True), ("0", False), ("no", False), ("", True)]
)
def test_env_bool_accepts_the_allowed_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", True) is expected


def test_env_bool_rejects_anything_else(monkeypatch):
    monkeypatch.setenv("FLAG", "flase")
    with pytest.raises(ConfigError, match="FLAG='flase'"):
        env_bool("FLAG", False)


def test_env_int(monkeypatch):
    monkeypatch.setenv("N", "12")
    assert env_int("N", 3) == 12
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ConfigError):
        env_int("N", 3)


def test_env_list(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.org, ,b.org ")
    assert env_list("HOSTS", ["x"]) == ["a.org", "b.org"]
    monkeypatch.setenv("HOSTS", "")
    assert env_list("HOSTS", ["x"]) == ["x"]


def test_env_secret_reads_a_file(monkeypatch, tmp_path):
    monkeypatch.delenv("TOKEN", raising=False)
    (tmp_path / "token").write_text("s3cret\n")
    monkeypatch.setenv("TOKEN_FILE", str(tmp_path / "token"))
    assert env_secret("TOKEN") == "s3cret"
    monkeypatch.setenv("TOKEN_FILE", str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="cannot read"):
        env_secret("TOKEN")
