"""JSON text from a configured encoder, without building a new C encoder per value.

``JSONEncoder.encode`` makes a new C encoder on every call: for the many small
values a bulk action writes (audit snapshots, summaries, health's entries) that
was half the time spent on JSON. Same text as ``encoder.encode`` (tests/test_json_output.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any


def json_writer(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """``encoder.encode``, with its C encoder made once. Values are trees of plain
    values (no cycle check, as the C encoder without markers)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None or encoder.indent is not None:  # no C accelerator: the plain encoder
        return encoder.encode
    quote = (
        json.encoder.encode_basestring_ascii
        if encoder.ensure_ascii
        else json.encoder.encode_basestring
    )
    made = make(
        None,  # no cycle check: what is written is a tree of plain values
        encoder.default,
        quote,
        None,
        encoder.key_separator,
        encoder.item_separator,
        encoder.sort_keys,
        encoder.skipkeys,
        encoder.allow_nan,
    )

    def write(value: Any) -> str:
        return "".join(made(value, 0))

    return write
