"""Encryption at rest of the teams' provider credentials (``cryptography``'s Fernet, several keys for rotation).

``CREDENTIALS_KEYS`` lists Fernet keys, newest first: values are encrypted with the first and read with any of
them. To rotate: put a new key first, keep the old ones after it, run ``manage.py credentials_reencrypt`` (every
stored value is encrypted again with the new key), then drop the old keys. Settings are read when called.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from .errors import DomainError


class CredentialError(DomainError):
    """A credential that cannot be stored or read (no key configured, a key that cannot open it)."""


def _keys() -> list[str]:
    from django.conf import settings

    keys = getattr(settings, "CREDENTIALS_KEYS", None) or []
    return [k for k in ([keys] if isinstance(keys, str) else keys) if k]


def key_problems() -> list[str]:
    """What is wrong with ``CREDENTIALS_KEYS`` (one line per bad key); empty when every key can be used."""
    problems = []
    for position, key in enumerate(_keys(), start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            problems.append(f"key {position} of CREDENTIALS_KEYS is not a Fernet key (32 url-safe base64 bytes)")
    return problems


def _fernet() -> MultiFernet:
    keys = _keys()
    if not keys:
        raise CredentialError(
            "CONFIG_ERROR", "CREDENTIALS_KEYS is not set: team credentials cannot be stored.", http_status=503
        )
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except (ValueError, TypeError) as exc:
        raise CredentialError("CONFIG_ERROR", "CREDENTIALS_KEYS holds a key that is not a Fernet key.") from exc


def encrypt(value: str) -> str:
    """The value encrypted with the newest key (a Fernet token, ASCII)."""
    return _fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The value of a token encrypted with any configured key; ``CredentialError`` when none opens it."""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as exc:
        raise CredentialError(
            "CREDENTIAL_UNREADABLE", "No key in CREDENTIALS_KEYS opens this stored credential.", http_status=503
        ) from exc


def reencrypt(token: str) -> str:
    """The same value encrypted again with the newest key."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise CredentialError("CREDENTIAL_UNREADABLE", "No key in CREDENTIALS_KEYS opens this credential.") from exc


def last4(value: str) -> str:
    """What may be shown of a secret: its last four characters (nothing of a very short one)."""
    return value[-4:] if len(value) >= 12 else ""
