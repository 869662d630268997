"""Staff accounts: creation, API tokens, passwords, sign-in with lockout."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from ..adapters.db.tables import Team, User
from ..domain.errors import AuthenticationFailed, InvalidInput, RuleViolation
from .access import ROLES
from .uow import UnitOfWork

_hasher = PasswordHasher()
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(
    uow: UnitOfWork,
    username: str,
    role: str,
    *,
    teams: list[str] | None = None,
    display_name: str = "",
    email: str | None = None,
    phone: str | None = None,
    password: str | None = None,
    language: str | None = None,
) -> tuple[User, str]:
    """Create a user with a fresh API token; returns (user, token). The token is shown once, stored hashed."""
    username = username.strip()
    if not username or len(username) > 100:
        raise InvalidInput("username: 1 to 100 characters")
    if role not in ROLES:
        raise InvalidInput(f"role: must be one of {', '.join(ROLES)}")
    if uow.session.scalars(select(User).where(User.username == username)).first():
        raise RuleViolation(f"there is already a user {username!r}")
    team_rows: list[Team] = []
    for name in teams or []:
        team = uow.session.scalars(select(Team).where(Team.name == name)).first()
        if team is None:
            team = Team(name=name)
            uow.session.add(team)
        team_rows.append(team)
    token = secrets.token_urlsafe(32)
    user = User(
        username=username,
        role=role,
        display_name=display_name or username,
        email=email,
        phone=phone,
        token_hash=token_hash(token),
        created_at=uow.now(),
        language=language,
        active=True,
        failed_logins=0,
        teams=team_rows,
    )
    if password is not None:
        set_password(user, password)
    uow.session.add(user)
    uow.session.flush()
    return user, token


def set_password(user: User, password: str) -> None:
    if len(password) < 8:
        raise InvalidInput("password: at least 8 characters")
    user.password_hash = _hasher.hash(password)


def user_for_token(uow: UnitOfWork, token: str) -> User:
    user = uow.session.scalars(select(User).where(User.token_hash == token_hash(token))).first()
    if user is None or not user.active:
        raise AuthenticationFailed("invalid or expired token")
    return user


def sign_in(uow: UnitOfWork, username: str, password: str) -> User:
    """Check a password; after 5 failures the account is locked for 15 minutes. Commits the counters."""
    now = uow.now()
    user = uow.session.scalars(select(User).where(User.username == username.strip())).first()
    if user is None or not user.active or not user.password_hash:
        _hasher.hash(password)  # same work either way: no timing hint that the user exists
        raise AuthenticationFailed("wrong username or password")
    if user.locked_until and user.locked_until > now:
        raise AuthenticationFailed("too many failed attempts; try again later")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= LOCK_AFTER:
            user.locked_until = now + LOCK_FOR
            user.failed_logins = 0
        uow.commit()
        raise AuthenticationFailed("wrong username or password") from None
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    uow.commit()
    return user
