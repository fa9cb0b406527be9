"""Typed readers for configuration from the environment.

They fail loudly on a value that is not one of the allowed spellings, so a typo such as
``DEBUG=flase`` stops the process instead of silently meaning something else.
"""

import os
from pathlib import Path


class ConfigError(ValueError):
    pass


TRUE = {"true", "1", "yes", "on"}
FALSE = {"false", "0", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE:
        return True
    if raw in FALSE:
        return False
    raise ConfigError(f"{name}={raw!r}: use one of true/false (also 1/0, yes/no, on/off)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: expected a whole number") from None


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, "").strip() or default


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name, "")
    items = [item.strip() for item in raw.split(",") if item.strip()]
    return items or default


def env_secret(name: str) -> str:
    """The value of NAME, or the contents of the file named by NAME_FILE (Docker secrets style)."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    path = os.environ.get(f"{name}_FILE", "").strip()
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as e:
            raise ConfigError(f"{name}_FILE={path!r}: cannot read it ({e.strerror})") from None
    return ""
