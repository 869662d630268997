"""Database errors a request can provoke answer 4xx with a message, never 500."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from complaintdesk.entrypoints.api import errors


@pytest.mark.parametrize(
    ("exc", "status", "error"),
    [
        (IntegrityError("INSERT …", {}, Exception("duplicate key")), 409, "conflict"),
        (StaleDataError("version moved"), 409, "conflict"),
        (DataError("INSERT …", {}, Exception("out of range")), 422, "invalid_input"),
        (OverflowError("int too big"), 422, "invalid_input"),
    ],
)
def test_database_errors_are_client_errors(exc: Exception, status: int, error: str) -> None:
    app = FastAPI()
    errors.install(app)

    @app.get("/boom")
    def boom() -> None:
        raise exc

    r = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert r.status_code == status and r.json()["error"] == error and r.json()["detail"]
