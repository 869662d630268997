"""Instructions the reply coach executes per reply, counted by valgrind's callgrind (a steady figure).

    .venv/bin/python bench/bench_coach_instructions.py [--pairs data/coach/pairs_tune.jsonl]

Wall-clock speed on a shared virtual machine moves by 30-70 % from one minute to the next (the same
plain Python loop takes 0.9 s or 1.7 s), which hides a 10 % change in the coach. Callgrind counts the
instructions instead: the same code on the same replies gives the same count whatever else the host
does. The playbook is loaded and every reply checked once before counting starts (instrumentation
is switched on with `callgrind_control` only for the second pass), so the figure is the steady cost
of one check. Needs valgrind (Debian package); prints figures, asserts nothing. About a minute.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_PAIRS = Path(__file__).resolve().parents[1] / "data" / "coach" / "pairs_tune.jsonl"
_CHILD = "COMPLAINTDESK_CALLGRIND_CHILD"


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _child(path: Path) -> None:
    """Under valgrind: warm up, then count one pass over the pairs."""
    from complaintdesk.playbook import coach, load_playbook

    pb = load_playbook()
    rows = _rows(path)
    for r in rows:
        coach(r["reply"], complaint=r.get("complaint"), lang=r.get("lang"), playbook=pb)
    me = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on", me], check=True, capture_output=True)
    for r in rows:
        coach(r["reply"], complaint=r.get("complaint"), lang=r.get("lang"), playbook=pb)
    subprocess.run(["callgrind_control", "-i", "off", me], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    args = parser.parse_args()
    if os.environ.get(_CHILD):
        _child(args.pairs)
        return
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    rows = _rows(args.pairs)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--pairs",
                str(args.pairs),
            ],
            check=True,
            env={**os.environ, _CHILD: "1"},
            capture_output=True,
        )
        text = out.read_text(encoding="utf-8", errors="replace")
        totals = re.search(r"^totals:\s*(\d+)", text, re.MULTILINE)
    if totals is None:
        raise SystemExit("callgrind wrote no totals")
    total = int(totals.group(1))
    by_lang: dict[str, int] = {}
    for r in rows:
        by_lang[str(r.get("lang"))] = by_lang.get(str(r.get("lang")), 0) + 1
    print(f"{len(rows)} replies ({', '.join(f'{k} {v}' for k, v in sorted(by_lang.items()))}) from {args.pairs.name}")
    print(f"instructions: {total / len(rows) / 1e6:.2f} million a reply ({total:,} in all)")


if __name__ == "__main__":
    main()
