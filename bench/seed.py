"""Bulk-load N synthetic complaints straight into a database (for benchmarks only; no analysis, no history rules).

    python bench/seed.py sqlite:////tmp/cd-bench.sqlite3 100000
"""

from __future__ import annotations

import random
import secrets
import sys
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from complaintdesk.adapters.db.engine import make_engine
from complaintdesk.adapters.db.migrate import upgrade
from complaintdesk.adapters.db.tables import Clock, Complaint, Customer, Event, Team
from complaintdesk.bootstrap import build
from complaintdesk.config import Settings
from complaintdesk.services.organisation import ensure_organisation

TEXTS = [
    "The lift in block {n} is broken again",
    "账单多收了 {n} 元，请尽快退还",
    "寄出的包裹 {n} 號到現在還沒送到",
    "Staff at counter {n} were rude to my mother",
    "停车场 {n} 号的灯坏了一个月",
    "Router keeps dropping, ticket {n}",
]
CATS = ["equipment", "service_quality", "service_attitude", "emergency"]


def seed(url: str, total: int, chunk: int = 5000) -> float:
    engine = make_engine(url)
    upgrade(engine)
    c = build(Settings(database_url=url, secret_key="bench", run_background_jobs=False), migrate=False)
    with c.uow() as uow:
        ensure_organisation(uow)
        uow.commit()
        team = Team(name=f"Bench {secrets.token_hex(3)}")
        uow.session.add(team)
        uow.commit()
        team_id = team.id
    rng = random.Random(1)
    now = datetime.now(UTC)
    started = time.perf_counter()
    done = 0
    with engine.begin() as conn:
        base_customer = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM customers").scalar() or 0
        base_complaint = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM complaints").scalar() or 0
    while done < total:
        n = min(chunk, total - done)
        customers, complaints, clocks, events = [], [], [], []
        for i in range(n):
            k = done + i
            cid, pid = base_customer + k + 1, base_complaint + k + 1
            created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 90))
            customers.append({"id": cid, "name": f"Customer {k}", "email": f"c{k}@example.org", "phone": None,
                              "external_id": None, "vip": k % 50 == 0, "language": None, "doubtful_claims": 0,
                              "notes": "", "created_at": created})
            status = rng.choice(("received", "acknowledged", "in_progress", "resolved", "closed"))
            open_ = status in ("received", "acknowledged", "in_progress")
            pending = [created + timedelta(hours=24)] if status == "received" else []
            pending += [created + timedelta(days=10)] if open_ else []
            complaints.append({
                "id": pid, "tracking_number": f"CD-B{k:09d}",
                "access_token_hash": secrets.token_hex(32), "version": 1,
                "customer_id": cid, "channel": "web", "status": status,
                "priority": rng.choice(("P1", "P2", "P3", "P4")),
                "language": "en", "subject": f"complaint {k}", "text": rng.choice(TEXTS).format(n=k),
                "lead_team_id": team_id, "needs_dispatch": False, "analysis": {"risks": []},
                "category": rng.choice(CATS), "nature": "venting", "emotion": "dissatisfaction",
                "priority_reasons": [], "is_repeat": False, "escalation_level": 0, "outcome_communicated": False,
                "created_at": created, "updated_at": created, "next_due_at": min(pending, default=None),
            })
            clocks.append({"complaint_id": pid, "kind": "first_response", "name": "first_response",
                           "due_at": created + timedelta(hours=24), "extended": False,
                           "met_at": None if status == "received" else created + timedelta(hours=rng.uniform(1, 30))})
            clocks.append({"complaint_id": pid, "kind": "resolution", "name": "resolution",
                           "due_at": created + timedelta(days=10), "extended": False,
                           "met_at": None if open_ else created + timedelta(days=rng.uniform(1, 12))})
            events.append({"complaint_id": pid, "at": created, "actor_kind": "customer", "actor_id": None,
                           "actor_name": f"Customer {k}", "kind": "received", "data": {}, "customer_visible": True})
        with engine.begin() as conn:
            conn.execute(insert(Customer), customers)
            conn.execute(insert(Complaint), complaints)
            conn.execute(insert(Clock), clocks)
            conn.execute(insert(Event), events)
        done += n
    if url.startswith("postgresql"):
        with engine.begin() as conn:
            for table in ("customers", "complaints"):  # the ids were given: move the sequences past them
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - started


if __name__ == "__main__":
    url, total = sys.argv[1], int(sys.argv[2])
    seconds = seed(url, total)
    print(f"seeded {total} complaints in {seconds:.1f} s")
