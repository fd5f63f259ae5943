"""The long fuzz run, on demand: thousands of mutated databases, each crash-isolated.

    python tools/fuzz_databases.py --count 10000 [--seed 1] [--workers 1] [--out DIR]

Each file is a mutation (tests/fuzz_targets.py) of the bundled database or of a small database
with HTML in every text column, put through `exercise` (open, index, search, every record's
panel, JSON export, and for one file in --paint-every a timeline paint offscreen). Files run in
worker processes of --batch files each; a worker killed by a signal counts a crash, one stopped
by the per-file time limit a hang, an exception other than a one-line DatabaseError a traceback,
and a file whose bytes or folder changed a changed file. Failing files are kept in OUT/failures.
Prints the counts and writes them to OUT/summary.json (docs/security.md quotes the last run).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def worker(first: int, count: int, seed: int, out: Path, templates: list[Path],
           paint_every: int, seconds: float) -> None:
    import faulthandler

    from fuzz_targets import exercise

    results = (out / f"results-{first}.jsonl").open("a", encoding="utf-8")
    for n in range(first, first + count):
        rng = random.Random(seed * 1_000_003 + n)
        folder = out / "work" / str(n)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "case.sqlite"
        shutil.copyfile(templates[n % len(templates)], path)
        how = _mutate(path, rng)
        if rng.random() < 0.3:
            how += " + " + _mutate(path, rng)
        before = _digest(folder)
        results.write(json.dumps({"n": n, "event": "start", "how": how}) + "\n")
        results.flush()
        faulthandler.dump_traceback_later(seconds, exit=True)
        t0 = time.perf_counter()
        try:
            outcome, detail = exercise(path, paint=n % paint_every == 0), ""
        except BaseException:
            outcome, detail = "traceback", traceback.format_exc()
        finally:
            faulthandler.cancel_dump_traceback_later()
        if outcome != "traceback" and _digest(folder) != before:
            outcome, detail = "changed", f"{before} -> {_digest(folder)}"
        results.write(json.dumps({"n": n, "event": "done", "outcome": outcome, "how": how,
                                  "detail": detail[-4000:],
                                  "seconds": round(time.perf_counter() - t0, 3)}) + "\n")
        results.flush()
        if outcome in ("opened", "refused"):
            shutil.rmtree(folder)
        else:
            _keep(out, n, folder)


def _mutate(path: Path, rng: random.Random) -> str:
    """A mutation; one that cannot be applied (a file already too damaged to edit with SQL)
    leaves the file as it is."""
    from fuzz_targets import random_mutation

    try:
        return random_mutation(path, rng)
    except Exception as exc:
        return f"(mutation not applied: {type(exc).__name__})"


def _keep(out: Path, n: int, folder: Path) -> None:
    dest = out / "failures" / str(n)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if folder.exists():
        shutil.move(str(folder), dest)


def _templates(out: Path) -> list[Path]:
    from hostile_corpus import BUNDLED, payload_dataset

    from wsis_viewer.store.build import write_database

    payload = out / "template-payload.sqlite"
    if not payload.exists():
        write_database(payload_dataset(), payload, built_from="fuzz")  # type: ignore[arg-type]
    return [BUNDLED, payload]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=250)
    ap.add_argument("--paint-every", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=60.0, help="time limit per file")
    ap.add_argument("--out", type=Path, default=Path("fuzz-out"))
    ap.add_argument("--worker", nargs=2, type=int, metavar=("FIRST", "COUNT"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    templates = _templates(args.out)
    if args.worker:
        worker(args.worker[0], args.worker[1], args.seed, args.out, templates,
               args.paint_every, args.seconds)
        return 0
    t0 = time.time()
    counts = {"files": 0, "opened": 0, "refused": 0, "traceback": 0, "crash": 0, "hang": 0,
              "changed": 0}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = 0
    while first < args.count:
        count = min(args.batch, args.count - first)
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", str(first), str(count), "--seed",
             str(args.seed), "--out", str(args.out), "--paint-every", str(args.paint_every),
             "--seconds", str(args.seconds)], env=env, capture_output=True, text=True)
        records = [json.loads(line) for line in (args.out / f"results-{first}.jsonl")
                   .read_text(encoding="utf-8").splitlines()]
        done = {r["n"]: r for r in records if r["event"] == "done"}
        started = [r["n"] for r in records if r["event"] == "start"]
        for r in done.values():
            counts[r["outcome"]] += 1
        last_n = first + count
        unfinished = [n for n in started if n not in done]
        if unfinished:
            n = unfinished[0]
            kind = "hang" if "Timeout" in proc.stderr else "crash"
            counts[kind] += 1
            _keep(args.out, n, args.out / "work" / str(n))
            (args.out / "failures" / f"{n}-{kind}.txt").write_text(
                f"returncode {proc.returncode}\n{proc.stderr[-8000:]}", encoding="utf-8")
            last_n = n + 1
        elif len(done) < count:  # the harness itself failed between files: say so, go on
            last_n = max(started, default=first) + 1
            print(f"worker stopped after file {last_n - 1}: {proc.stderr[-2000:]}",
                  file=sys.stderr)
        counts["files"] = counts["opened"] + counts["refused"] + counts["traceback"] + \
            counts["crash"] + counts["hang"] + counts["changed"]
        print(f"{counts['files']}/{args.count} files: {counts}", flush=True)
        first = last_n
    summary = {**counts, "seed": args.seed, "seconds": round(time.time() - t0),
               "date": time.strftime("%Y-%m-%d", time.gmtime()),
               "python": sys.version.split()[0]}
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps(summary))
    bad = counts["traceback"] + counts["crash"] + counts["hang"] + counts["changed"]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
