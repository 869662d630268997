"""Domain errors -> HTTP status codes, in one place. Nothing a user sends produces a 500."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from ...domain import errors

STATUS = {
    errors.NotFound: 404,
    errors.AuthenticationFailed: 401,
    errors.PermissionDenied: 403,
    errors.InvalidInput: 422,
    errors.IllegalTransition: 409,
    errors.RuleViolation: 409,
    errors.Conflict: 409,
}


def status_for(exc: errors.ComplaintdeskError) -> int:
    for cls in type(exc).__mro__:
        if cls in STATUS:
            return STATUS[cls]
    return 400


def install(app: FastAPI) -> None:
    @app.exception_handler(errors.ComplaintdeskError)
    async def _domain_error(request: Request, exc: errors.ComplaintdeskError) -> JSONResponse:
        status = status_for(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": exc.code, "detail": exc.message}, status_code=status, headers=headers)

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        return JSONResponse(
            {
                "error": "conflict",
                "detail": "the complaint was changed by someone else at the same time; reload and try again",
            },
            status_code=409,
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        # two requests creating the same thing at once (the loser of the race): nothing was written
        return JSONResponse(
            {"error": "conflict", "detail": "the change conflicts with one made at the same time; try again"},
            status_code=409,
        )

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def _out_of_range(request: Request, exc: Exception) -> JSONResponse:
        # a number or text the database cannot store (an id beyond 64 bits, say): the request is at fault
        return JSONResponse(
            {"error": "invalid_input", "detail": "a value in the request is out of range for this field"},
            status_code=422,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            problems.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return JSONResponse(
            {"error": "invalid_input", "detail": "; ".join(problems), "problems": problems}, status_code=422
        )
