#!/usr/bin/env python3
"""Set up and run Dear Reader with nothing but Python 3.11+.

    python3 run.py serve     install, migrate, load the demo archive, serve on 127.0.0.1:8000
    python3 run.py test      install the test tools and run the whole test suite
    python3 run.py lint      ruff and mypy
    python3 run.py bench     the benchmarks in bench/

Everything goes into .venv/ beside this file, made on first use and reused after; the
database, the secret key and collected static files live in var/ (DEARREADER_DATA_DIR).
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
EXTRAS = {"serve": "", "test": "test", "lint": "test,lint", "bench": "test", "manage": ""}


def say(message: str) -> None:
    print(f"dearreader: {message}", flush=True)


def run(*args: object, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, env=env)


def ensure_venv(extras: str) -> None:
    """Install the pinned dependencies once; again only when the pins change."""
    if sys.version_info < (3, 11):  # noqa: UP036 (run.py may be started by an older python)
        sys.exit("dearreader: Python 3.11 or newer is needed.")
    if not PYTHON.exists():
        say("creating .venv")
        venv.create(VENV, with_pip=True)
    pins = (ROOT / "pyproject.toml").read_bytes() + (ROOT / "requirements.lock").read_bytes()
    digest = hashlib.sha256(pins).hexdigest()[:16]
    stamp = VENV / f".installed-{extras or 'base'}-{digest}"
    if stamp.exists():
        return
    say(f"installing dependencies{f' ({extras})' if extras else ''}")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "-c", "requirements.lock", "-e", target)
    stamp.touch()


def manage(*args: str) -> None:
    run(PYTHON, "-m", "dearreader.cli", *args)


def serve(args: list[str]) -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    manage("migrate", "--noinput", "-v", "0")
    manage("rerender")  # what an older version of the renderer rendered; quick when none
    manage("createcachetable")
    manage("load_demo")
    manage("collectstatic", "--noinput", "-v", "0")
    say(f"serving on http://{host}:{port}/ (Ctrl-C stops it)")
    workers = os.environ.get("WEB_CONCURRENCY", "3")
    gunicorn = [
        str(BIN / "gunicorn"),
        "dearreader.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        workers,
        "--access-logfile",
        "-",
        *args,
    ]
    os.execv(gunicorn[0], gunicorn)


def main() -> None:
    command, *args = sys.argv[1:] or ["serve"]
    if command not in EXTRAS:
        sys.exit(__doc__)
    ensure_venv(EXTRAS[command])
    os.chdir(ROOT)
    try:
        if command == "serve":
            serve(args)
        elif command == "test":
            result = subprocess.run([PYTHON, "-m", "pytest", *args], cwd=ROOT)
            sys.exit(result.returncode)
        elif command == "lint":
            run(BIN / "ruff", "check", ".")
            run(BIN / "ruff", "format", "--check", ".")
            run(BIN / "mypy", "dearreader")
        elif command == "bench":
            run(PYTHON, "-m", "bench", *args)
        elif command == "manage":
            manage(*args)
    except subprocess.CalledProcessError as e:
        sys.exit(e.returncode)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
