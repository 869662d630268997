"""Property-based fuzzing of every API operation from the OpenAPI description (schemathesis): whatever a
client sends — wrong types, huge numbers, odd unicode, missing fields — the answer is never a 500.
Runs as an admin against a database holding one complaint, on SQLite and PostgreSQL."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from complaintdesk.bootstrap import Container
from complaintdesk.entrypoints.api.app import create_app
from complaintdesk.services import users

pytestmark = pytest.mark.slow
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))  # more for a deeper search: FUZZ_EXAMPLES=200


def test_no_request_gets_a_server_error(container: Container) -> None:
    with container.uow() as uow:
        _, token = users.create_user(uow, "fuzz-admin", "admin", teams=["Front desk"])
        uow.commit()
    headers = {"Authorization": f"Bearer {token}"}
    app = create_app(container)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        call()
