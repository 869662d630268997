"""The exceptions of complaintdesk. Every error a user can cause is one of these.

    ComplaintdeskError            base; never raised itself
    ├── NotFound                  the thing does not exist, or the caller may not know it exists (404)
    ├── AuthenticationFailed      no or wrong credentials (401)
    ├── PermissionDenied          authenticated, but not allowed (403)
    ├── InvalidInput              a value breaks a rule of the data (422)
    ├── IllegalTransition         the workflow does not allow this action now (409)
    ├── RuleViolation             a business rule refuses the action, e.g. closing before telling the customer (409)
    └── Conflict                  someone else changed the record first (409)

The API maps each to its HTTP status in one place (entrypoints/api/errors.py).
"""

from __future__ import annotations


class ComplaintdeskError(Exception):
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ComplaintdeskError):
    code = "not_found"


class AuthenticationFailed(ComplaintdeskError):
    code = "authentication_failed"


class PermissionDenied(ComplaintdeskError):
    code = "permission_denied"


class InvalidInput(ComplaintdeskError):
    code = "invalid_input"


class IllegalTransition(ComplaintdeskError):
    code = "illegal_transition"


class RuleViolation(ComplaintdeskError):
    code = "rule_violation"


class Conflict(ComplaintdeskError):
    code = "conflict"
