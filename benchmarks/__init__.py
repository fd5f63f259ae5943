"""Synthetic large databases in the real schema, and the timeline's timing harness.

Run `python -m benchmarks --events 100000` (see benchmarks/__main__.py).
"""
