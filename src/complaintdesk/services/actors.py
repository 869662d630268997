"""Who acts: a signed-in user, a customer with their tracking token, or the system itself."""

from __future__ import annotations

from dataclasses import dataclass

from ..adapters.db.tables import User


@dataclass(frozen=True, slots=True)
class Actor:
    kind: str  # user | customer | system
    name: str
    user: User | None = None

    @property
    def id(self) -> int | None:
        return self.user.id if self.user else None

    @property
    def role(self) -> str | None:
        return self.user.role if self.user else None

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls("user", user.display_name or user.username, user)


SYSTEM = Actor("system", "complaintdesk")


def customer_actor(name: str) -> Actor:
    return Actor("customer", name)
