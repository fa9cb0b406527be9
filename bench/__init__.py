"""Benchmarks: `python3 run.py bench`. Every figure is a ratio against a baseline measured in
the same run, on the same machine, so the numbers compare across machines and over time."""
