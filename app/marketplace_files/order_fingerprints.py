"""An order's fingerprint: the report lines last merged into it, so the same lines are not
merged again.

Merging the same lines again into the state they left changes nothing (an import is
idempotent): an order stores, in ``import_fingerprint``, a digest of the lines last
merged into it, keyed by its file's layout and header and by :data:`MERGE_RULES`. An
import that finds the same digest counts the order unchanged without loading it.
"""

from __future__ import annotations

from collections.abc import Iterator
from hashlib import blake2b
from itertools import chain
from typing import Any, cast

from app.marketplace_files.reports import Layout, ReportRow

# What a stored order's import_fingerprint says: "version:digest", the digest of the
# report lines last merged into it (with their file's layout and header). Bump
# MERGE_RULES when the reading or the merge rules change: the same lines may then
# mean another state, and every order is merged in full once more.
FINGERPRINT = "import_fingerprint"
MERGE_RULES = b"sellerdesk import 1"


class LineTexts:
    """The text of each report line read, kept until its chunk is merged.

    An order's lines, as text, are its fingerprint: merging the same lines
    again into the state they left changes nothing (an import is idempotent),
    so an order whose stored fingerprint says so is not loaded nor merged.
    """

    def __init__(self) -> None:
        self.texts: dict[int, str] = {}

    def tap(self, lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
        """Sees the lines up to the header on their way to the reading; the others come
        with their chunk (:meth:`keep`), so the stream pays nothing per line here."""
        texts = self.texts
        head: list[tuple[int, str]] = []
        for number, raw in lines:
            texts[number] = raw
            head.append((number, raw))
            if raw.strip():  # the header, as ReportStream finds it
                break
        return chain(head, lines)

    def keep(self, numbered: list[tuple[int, str]]) -> None:
        """A chunk's lines about to be read, until their rows are taken."""
        self.texts = dict(numbered)

    def take(self, rows: list[ReportRow]) -> list[str | None]:
        """The rows' lines (each row's line is taken once; None: not seen)."""
        pop = self.texts.pop
        return [pop(row.line, None) for row in rows]


Digest = Any  # a keyed hashlib.blake2b, copied for each order


def file_digest(key: bytes | None) -> Digest | None:
    """The keyed digest an order's fingerprint starts from (keying it once per file)."""
    return None if key is None else blake2b(key=key, digest_size=16)


def order_fingerprint(digest: Digest | None, texts: list[str | None]) -> str | None:
    """An order's lines' digest; None (merged in full) when a line of it, or its
    file's header (``digest``: keyed by it), was not seen as text."""
    if digest is None or None in texts:
        return None
    found = digest.copy()
    found.update("\n".join(cast(list[str], texts)).encode())
    return cast(str, found.hexdigest())


def file_key(layout: Layout, header: str) -> bytes:
    """What the same lines mean depends on their file's layout and header."""
    return blake2b(
        b"\0".join((MERGE_RULES, layout.value.encode(), header.encode())), digest_size=32
    ).digest()
