"""What SellerDesk asks of Seller Central, without HTTP: the transport interface.

The connection, the pull and the push speak to a :class:`Transport`; the one that
really talks HTTP (:mod:`app.marketplace.sp_api_transport`, python-amazon-sp-api
over httpx) is imported only when a connection is opened, so SellerDesk without
the ``marketplace`` extra starts and works offline as before. Tests give a
transport pointed at a local stand-in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

LONGEST_WAIT = 60.0  # never sleep longer than this on one rate header


class Throttled(Exception):
    """429: wait ``seconds`` (from the response headers), then try again."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


class ServerTrouble(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class Stopped(Exception):
    """The seller pressed Stop while the transport was waiting."""


@dataclass
class Retry:
    attempts: int = 5
    backoff: float = 0.5  # seconds before the second try; doubles each time
    sleep: Callable[[float], None] = time.sleep
    stopped: Callable[[], bool] = lambda: False

    def wait(self, seconds: float) -> None:
        waited = 0.0
        while waited < seconds:
            if self.stopped():
                raise Stopped
            step = min(0.2, seconds - waited)
            self.sleep(step)
            waited += step


class Transport(Protocol):
    """What the connection asks of the marketplace; tests may give another one."""

    def check(self) -> None: ...
    def create_report(self, report_type: str, start: datetime | None) -> str: ...
    def report_status(self, report_id: str) -> tuple[str, str | None]: ...
    def report_document(self, document_id: str, *, restricted: bool = False) -> bytes: ...
    def create_feed_document(self, content_type: str) -> tuple[str, str]: ...
    def upload(self, url: str, data: bytes, content_type: str) -> None: ...
    def create_feed(self, feed_type: str, document_id: str) -> str: ...
    def feed_status(self, feed_id: str) -> tuple[str, str | None]: ...
    def feeds_since(self, feed_type: str, since: datetime) -> list[str]: ...
    def feed_result(self, document_id: str) -> bytes: ...
    def close(self) -> None: ...
