"""Run the benchmarks and print a table of ratios against same-run baselines.

python3 run.py bench              # every benchmark, default sizes
python3 run.py bench render       # one benchmark by name (importing, pages, render, epub)
python3 run.py bench --quick      # smaller sizes, for a smoke run

A benchmark that has a machine-readable result prints it as its last line.
"""

import argparse
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


BENCHMARKS = ["importing", "pages", "render", "epub"]


def run_all(data_dir: str, scale: float, names: list[str]) -> None:
    os.environ["DEARREADER_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dearreader.settings")
    # The benchmarks fill their own throwaway SQLite database, never the one DATABASE_URL names.
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    import importlib

    print(f"Dear Reader benchmarks (scale {scale})")
    print(f"{'benchmark':<42} {'time':>12}  {'ratio':>8} baseline")
    for name in names:
        result = importlib.import_module(f"bench.{name}").run(report, best_of, scale)
        if result:
            print(result)


if __name__ == "__main__":
    main()
