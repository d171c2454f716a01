"""The private application's credentials: in the system keyring, never in the database.

Looked up in this order: the environment (for scripts and CI), the operating
system's keyring (the ``keyring`` package: Secret Service, Keychain, Windows
Credential Locker), then what was given during this run when no keyring is
available. Nothing here writes a secret to a file, a log or a message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

SERVICE = "SellerDesk Seller Central"
FIELDS = ("client_id", "client_secret", "refresh_token")
ENV = {
    "client_id": "SELLERDESK_LWA_CLIENT_ID",
    "client_secret": "SELLERDESK_LWA_CLIENT_SECRET",
    "refresh_token": "SELLERDESK_LWA_REFRESH_TOKEN",
}


@dataclass(frozen=True)
class Credentials:
    client_id: str
    client_secret: str = field(repr=False)
    refresh_token: str = field(repr=False)

    @property
    def complete(self) -> bool:
        return all((self.client_id, self.client_secret, self.refresh_token))


def from_environment() -> Credentials | None:
    values = {name: os.environ.get(variable, "").strip() for name, variable in ENV.items()}
    found = Credentials(**values)
    return found if found.complete else None


def _keyring() -> Any | None:
    """The keyring module when a real backend is there, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: treat as no keyring
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


class SecretStore:
    """Where the credentials live; ``remembered`` says whether they outlive this run."""

    def __init__(self, keyring: Any | None = None, *, use_system: bool = True) -> None:
        # The system keyring is looked for when first needed: finding its backend loads
        # plugins, a quarter of a second the window would otherwise pay on every start.
        self._found: Any | None = keyring
        self._look_up = keyring is None and use_system
        self._this_run: Credentials | None = None

    @property
    def _keyring(self) -> Any | None:
        if self._look_up:
            self._found, self._look_up = _keyring(), False
        return self._found

    @property
    def has_keyring(self) -> bool:
        return self._keyring is not None

    def save(self, credentials: Credentials) -> bool:
        """Keep them; True if in the keyring, False if for this run only."""
        self._this_run = credentials
        if self._keyring is None:
            return False
        try:
            for name in FIELDS:
                self._keyring.set_password(SERVICE, name, getattr(credentials, name))
        except Exception:  # locked or refused keyring: keep them for this run only
            return False
        return True

    def load(self) -> Credentials | None:
        found = from_environment()
        if found is not None:
            return found
        if self._keyring is not None:
            try:
                values = {name: self._keyring.get_password(SERVICE, name) or "" for name in FIELDS}
            except Exception:
                values = {}
            if values:
                stored = Credentials(**values)
                if stored.complete:
                    return stored
        return self._this_run

    def forget(self) -> None:
        self._this_run = None
        if self._keyring is None:
            return
        for name in FIELDS:
            try:
                self._keyring.delete_password(SERVICE, name)
            except Exception:
                continue  # nothing stored under that name
