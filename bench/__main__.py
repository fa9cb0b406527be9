"""Run the benchmarks and print a table of ratios against same-run baselines.

python3 run.py bench              # every benchmark, default sizes
python3 run.py bench fanout       # one by name (importing, pages, render, fanout, epub, letters)
python3 run.py bench --quick      # smaller sizes, for a smoke run

A benchmark that has a machine-readable result prints it as its last line. They run in a
throwaway database beside the one DATABASE_URL names (SQLite in a temporary folder when it
names none), never in it.
"""

import argparse
import logging
import os
import statistics
import tempfile
import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The median of `repeat` timings of fn(), in seconds (median resists one slow outlier)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, seconds: float, baseline_name: str, baseline: float, extra: str = "") -> None:
    ratio = seconds / baseline if baseline else float("inf")
    print(f"{name:<42} {seconds * 1000:9.2f} ms  {ratio:7.1f}x {baseline_name}  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", choices=[[], *BENCHMARKS], metavar="NAME")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    scale = 0.1 if args.quick else 1.0

    with tempfile.TemporaryDirectory(prefix="dearreader-bench-") as data_dir:
        run_all(data_dir, scale, args.names or BENCHMARKS)


BENCHMARKS = ["importing", "pages", "render", "fanout", "epub", "letters"]


def run_all(data_dir: str, scale: float, names: list[str]) -> None:
    import importlib

    os.environ["DEARREADER_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dearreader.settings")
    import django
    from django.conf import settings

    django.setup()
    from django.db import connection

    # A throwaway database beside the real one (a file in the temporary folder for SQLite).
    test = settings.DATABASES["default"].setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test["NAME"] = os.path.join(data_dir, "bench.sqlite3")
    else:
        test["NAME"] = f"{settings.DATABASES['default']['NAME']}_bench"
    real_name = settings.DATABASES["default"]["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    logging.getLogger("django_tasks").setLevel(logging.WARNING)  # one line per task is noise
    try:
        print(f"Dear Reader benchmarks (scale {scale}, {connection.vendor})")
        print(f"{'benchmark':<42} {'time':>12}  {'ratio':>8} baseline")
        for name in names:
            result = importlib.import_module(f"bench.{name}").run(report, best_of, scale)
            if result:
                print(result)
    finally:
        connection.creation.destroy_test_db(real_name, verbosity=0)


if __name__ == "__main__":
    main()
