"""``--json`` output: the same values as ``json.dumps``, whatever the entries hold."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.common import _ONE_LINE, one_line, print_json
from app.json_text import json_writer

PLAIN = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False)
FLAT = st.dictionaries(st.text(), PLAIN, min_size=1)
VALUES = st.recursive(
    PLAIN | FLAT, lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8
)


def printed(value: Any) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        print_json(value)
    return out.getvalue()


@settings(deadline=None)
@given(VALUES)
def test_a_value_is_written_as_the_plain_encoder_writes_it(value: Any) -> None:
    assert one_line(value) == _ONE_LINE.encode(value)


@settings(deadline=None)
@given(VALUES, st.booleans())
def test_the_audit_logs_and_summaries_encoders_write_what_json_dumps_writes(
    value: Any, ascii_only: bool
) -> None:
    encoder = json.JSONEncoder(ensure_ascii=ascii_only, sort_keys=True)
    assert json_writer(encoder)(value) == json.dumps(value, ensure_ascii=ascii_only, sort_keys=True)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.text(max_size=3), VALUES, max_size=3))
def test_printed_json_reads_back_as_the_same_object(value: dict[str, Any]) -> None:
    assert json.loads(printed(value)) == value


def test_a_list_of_flat_entries_takes_one_line_each() -> None:
    late = [{"order_id": f"405-{n}", "days_late": n, "note": "à « x »"} for n in range(3)]
    assert printed({"late": late}).splitlines() == [
        "{",
        '  "late": [',
        '    {"order_id": "405-0", "days_late": 0, "note": "à « x »"},',
        '    {"order_id": "405-1", "days_late": 1, "note": "à « x »"},',
        '    {"order_id": "405-2", "days_late": 2, "note": "à « x »"}',
        "  ]",
        "}",
    ]
