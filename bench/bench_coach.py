"""Speed of the reply coach on one core: replies checked per second, and single-check latency.

    .venv/bin/python bench/bench_coach.py [--pairs data/coach/pairs_tune.jsonl] [--n 5000]

Uses the complaint/reply pairs of the file (repeated up to --n), in their three languages. The
playbook is loaded and compiled before timing starts. Prints figures; asserts nothing (the target
is 500 replies per second on one core, issue 4).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from complaintdesk.playbook import coach, load_playbook

DEFAULT_PAIRS = Path(__file__).resolve().parents[1] / "data" / "coach" / "pairs_tune.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--n", type=int, default=5000, help="replies in the throughput run")
    parser.add_argument("--single", type=int, default=500, help="single checks for the latency figure")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    started = time.perf_counter()
    pb = load_playbook()
    load_s = time.perf_counter() - started
    rows = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        raise SystemExit(f"no pairs in {args.pairs}")
    batch = (rows * (args.n // len(rows) + 1))[: args.n]
    for r in rows[:30]:  # warm the caches (OpenCC, regex)
        coach(r["reply"], complaint=r.get("complaint"), lang=r.get("lang"), playbook=pb)

    started, cpu_started = time.perf_counter(), time.process_time()
    for r in batch:
        coach(r["reply"], complaint=r.get("complaint"), lang=r.get("lang"), playbook=pb)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started

    latencies = []
    for r in batch[: args.single]:
        t = time.perf_counter()
        coach(r["reply"], complaint=r.get("complaint"), lang=r.get("lang"), playbook=pb)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    by_lang: dict[str, list[float]] = {}
    for r in rows:
        t = time.process_time()
        coach(r["reply"], complaint=r.get("complaint"), lang=r.get("lang"), playbook=pb)
        by_lang.setdefault(str(r.get("lang")), []).append(time.process_time() - t)

    print(f"playbook load and compile: {load_s:.2f} s")
    print(f"throughput: {len(batch) / elapsed:.0f} replies/s on one core ({len(batch)} replies in {elapsed:.2f} s)")
    print(f"  by CPU time: {len(batch) / cpu:.0f} replies per CPU second (the figure when the machine is busy)")
    print(
        f"latency: median {statistics.median(latencies):.2f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95) - 1]:.2f} ms, max {latencies[-1]:.2f} ms"
    )
    for lang, times in sorted(by_lang.items()):
        print(f"  {lang}: {len(times) / max(sum(times), 1e-9):.0f} replies per CPU second")


if __name__ == "__main__":
    main()
