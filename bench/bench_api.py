"""The peer benchmark (shared/peers/django-helpdesk) run against complaintdesk on the same machine.

    .venv/bin/python bench/bench_api.py [--tickets 100000] [--workers 2]
    .venv/bin/python bench/bench_api.py --postgres postgresql://postgres@127.0.0.1:5432/cdbench --workers 2

a. create throughput: POST /api/v1/complaints, 8 concurrent clients, 20 s (real analysis at intake)
b. detail and list latency at N complaints: GET /api/v1/complaints/{n}, GET /api/v1/complaints?per_page=25
c. the SLA sweep over N complaints (on a copy of the SQLite database; on PostgreSQL on the database itself)
Every request loop is bounded in count and time; the server listens on 127.0.0.1 only and is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from seed import seed  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def line(name: str, ms: list[float]) -> str:
    return (f"{name}: p50 {statistics.median(ms):.1f} ms, p95 {pct(ms, 95):.1f} ms, p99 {pct(ms, 99):.1f} ms "
            f"(n = {len(ms)})")


def fresh_postgres(url: str) -> None:
    """Drop and create the database named in `url` (connecting to the server's 'postgres' database)."""
    from sqlalchemy import create_engine, make_url, text

    target = make_url(url)
    server = target.set(drivername="postgresql+psycopg", database="postgres")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tickets", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--create-seconds", type=float, default=20)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--read-samples", type=int, default=300)
    ap.add_argument("--db", default="/tmp/cd-bench/bench.sqlite3")
    ap.add_argument("--postgres", metavar="URL", help="bench on this PostgreSQL database (dropped and re-created)")
    args = ap.parse_args()

    db = Path(args.db)
    shutil.rmtree(db.parent, ignore_errors=True)
    db.parent.mkdir(parents=True)
    url = f"sqlite:///{db}"
    if args.postgres:
        url = args.postgres
        fresh_postgres(url)
    print(f"seeding {args.tickets} complaints …", flush=True)
    print(f"seeded in {seed(url, args.tickets):.1f} s", flush=True)
    env = {**os.environ, "DATABASE_URL": url, "COMPLAINTDESK_BACKGROUND": "0", "COMPLAINTDESK_VAR": str(db.parent)}
    cli = str(ROOT / ".venv" / "bin" / "complaintdesk")
    subprocess.run([cli, "user", "create", "bench", "--role", "admin", "--print-token"], env=env, check=True,
                   capture_output=True, text=True)
    token = subprocess.run([cli, "user", "create", "bench2", "--role", "admin", "--print-token"], env=env,
                           check=True, capture_output=True, text=True).stdout.strip()
    port = free_port()
    server = subprocess.Popen([cli, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers",
                               str(args.workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"}
    try:
        up_by = time.monotonic() + 300  # the first start trains the analysis model
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > up_by or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.5)
        # warm up: the analyser loads its model on first use in each worker
        with httpx.Client(timeout=60) as client:
            for i in range(args.workers * 4):
                client.post(f"{base}/api/v1/complaints", headers=headers,
                            json={"text": f"warm-up {i}", "name": "Warm", "email": "w@example.org"})

        # a. create throughput
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()
        deadline = time.perf_counter() + args.create_seconds
        texts = ["快递显示已签收但我没收到，客服还挂我电话，我要投诉到12315！退款299元。",
                 "The lift in block 3 has been broken for two weeks. My mother (82) cannot go out. Fix it now.",
                 "請問點解我今個月電話費多咗HK$120？之前冇用過漫遊。", "Charged twice for the same order #55123, "
                 "$89.99 each. Please refund one."]

        def client_loop(n: int) -> None:
            nonlocal errors
            with httpx.Client(timeout=30) as client:
                for i in range(100_000):
                    if time.perf_counter() > deadline:
                        return
                    t0 = time.perf_counter()
                    r = client.post(f"{base}/api/v1/complaints", headers=headers, json={
                        "text": texts[(n + i) % len(texts)], "name": f"Bench {n}", "email": f"b{n}-{i}@example.org"})
                    dt = (time.perf_counter() - t0) * 1000
                    with lock:
                        if r.status_code == 201:
                            latencies.append(dt)
                        else:
                            errors += 1

        started = time.perf_counter()
        threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(args.concurrency)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        print(f"a. create: {len(latencies) / elapsed:.1f} req/s ({len(latencies)} created, {errors} errors, "
              f"{args.concurrency} clients, {args.create_seconds:.0f} s)")
        print("   " + line("create latency", latencies))

        # b. reads at N complaints
        rng = random.Random(3)
        with httpx.Client(timeout=60) as client:
            detail: list[float] = []
            for _ in range(args.read_samples):
                t0 = time.perf_counter()
                r = client.get(f"{base}/api/v1/complaints/{rng.randint(1, args.tickets)}", headers=headers)
                detail.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, r.text
            print("b. " + line("API complaint detail", detail))
            for sort in ("newest", "urgency"):
                listing: list[float] = []
                for _ in range(max(20, args.read_samples // 3)):
                    t0 = time.perf_counter()
                    r = client.get(f"{base}/api/v1/complaints", headers=headers,
                                   params={"per_page": 25, "sort": sort, "page": rng.randint(1, 20)})
                    listing.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, r.text
                print("b. " + line(f"API complaint list (25 a page, sort={sort})", listing))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)

    # c. sweep on a copy
    sweep_url = url
    if not args.postgres:
        copy = db.parent / "sweep.sqlite3"
        subprocess.run(["sqlite3", str(db), f".backup {copy}"], check=False)
        if not copy.exists():
            shutil.copy(db, copy)
        sweep_url = f"sqlite:///{copy}"
    t0 = time.perf_counter()
    out = subprocess.run([cli, "sweep"], env={**env, "DATABASE_URL": sweep_url}, capture_output=True, text=True)
    print(f"c. sweep over {args.tickets} complaints: {time.perf_counter() - t0:.1f} s — {out.stdout.strip()} "
          f"(rc {out.returncode})")


if __name__ == "__main__":
    main()
