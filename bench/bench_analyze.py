"""Speed of the complaint analyser: batch throughput and single-analysis latency on one core.

    .venv/bin/python bench/bench_analyze.py [--model var/models/analysis.joblib] [--n 5000] [--repeat 3]

Uses the texts of data/analysis/train_*.jsonl (repeated up to --n). Prints figures; asserts nothing.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from complaintdesk.analysis.corpus import default_training_files, load_labelled  # noqa: E402
from complaintdesk.analysis.engine import Analyzer, default_analyzer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--n", type=int, default=5000, help="texts in the batch run")
    parser.add_argument("--single", type=int, default=500, help="single analyses for the latency figure")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=3, help="batch runs (the best and the median are printed)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    started = time.perf_counter()
    analyzer = Analyzer.load(args.model) if args.model else default_analyzer()
    load_s = time.perf_counter() - started
    texts = [r["text"] for f in default_training_files() for r in load_labelled(f)]
    if not texts:
        raise SystemExit("no texts in data/analysis/train_*.jsonl")
    batch = (texts * (args.n // len(texts) + 1))[: args.n]
    mean_len = sum(map(len, batch)) / len(batch)

    analyzer.analyze_batch(batch[:200])  # warm caches
    runs = []
    for _ in range(args.repeat):  # a shared machine: report the best and the median run
        started = time.perf_counter()
        for i in range(0, len(batch), args.batch_size):
            analyzer.analyze_batch(batch[i : i + args.batch_size])
        runs.append(time.perf_counter() - started)
    batch_s = min(runs)
    median_s = statistics.median(runs)

    timings = []
    for text in texts[: args.single]:
        t0 = time.perf_counter()
        analyzer.analyze(text)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()

    print(f"model            {analyzer.version}")
    print(f"model load       {load_s * 1000:.0f} ms")
    print(f"texts            {len(batch)} (mean {mean_len:.0f} characters), batch size {args.batch_size}, one core")
    print(
        f"batch            {len(batch) / batch_s:,.0f} complaints/s ({batch_s * 1000 / len(batch):.2f} ms each), "
        f"best of {len(runs)} runs; median run {len(batch) / median_s:,.0f} complaints/s"
    )
    print(
        f"single           median {statistics.median(timings):.2f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.2f} ms, max {timings[-1]:.2f} ms over {len(timings)}"
    )


if __name__ == "__main__":
    main()
