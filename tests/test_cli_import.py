"""``sellerdesk import`` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

from tests.reportfiles import ALL_ORDERS_REPORT, ORDERS_REPORT, order_line, report


def test_import_prints_counts_per_file_and_a_total(cli) -> None:
    result = cli("import", str(ORDERS_REPORT), str(ALL_ORDERS_REPORT))
    assert result.status == 0, result.err
    assert result.out.splitlines() == [
        "orders-report.txt: 40 added, 0 updated, 0 unchanged",
        "all-orders-report.txt: 60 added, 0 updated, 0 unchanged",
        "total: 100 added, 0 updated, 0 unchanged orders",
    ]
    listed = json.loads(cli("list", "--json").out)
    assert len(listed) == 100


def test_reimport_as_json_reports_everything_unchanged(cli) -> None:
    cli("import", str(ORDERS_REPORT))
    result = cli("import", "--json", str(ORDERS_REPORT))
    assert result.status == 0
    data = json.loads(result.out)
    assert (data["added"], data["updated"], data["unchanged"], data["refused"]) == (0, 0, 40, [])


def _bad_report(tmp_path: Path) -> Path:
    return report(
        tmp_path / "orders.txt",
        [
            order_line(order_id="405-0000001-0000001"),
            order_line(order_id="405-0000002-0000002", purchase_date="2026-13-01"),
        ],
    )


def test_a_bad_row_refuses_the_file_with_exit_2_and_changes_nothing(cli, tmp_path: Path) -> None:
    result = cli("import", str(_bad_report(tmp_path)))
    assert result.status == 2
    assert 'line 3: purchase-date "2026-13-01" is not a date' in result.err
    assert "Traceback" not in result.err
    assert json.loads(cli("list", "--json").out) == []


def test_skip_bad_rows_imports_the_rest_and_lists_the_refused_lines(cli, tmp_path: Path) -> None:
    result = cli("import", "--skip-bad-rows", "--json", str(_bad_report(tmp_path)))
    assert result.status == 0
    data = json.loads(result.out)
    assert data["added"] == 1
    assert data["refused"] == ['line 3: purchase-date "2026-13-01" is not a date']
    assert 'line 3: purchase-date "2026-13-01" is not a date' in result.err
    orders = json.loads(cli("list", "--json").out)
    assert [order["order_id"] for order in orders] == ["405-0000001-0000001"]


def test_junk_and_missing_columns_get_one_line_and_exit_2(cli, tmp_path: Path) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = cli("import", str(junk))
    assert result.status == 2
    assert result.err.strip().splitlines() == [
        "sellerdesk: photo.jpg is not a text report (it holds binary data); nothing was imported."
    ]
    columns = tmp_path / "columns.txt"
    columns.write_text("order-id\tsku\n405-1234567-1234567\tMUG\n")
    result = cli("import", str(columns))
    assert result.status == 2
    assert "purchase-date, quantity-purchased" in result.err


def test_several_files_name_the_file_of_each_bad_line(cli, tmp_path: Path) -> None:
    bad = _bad_report(tmp_path)
    result = cli("import", str(ORDERS_REPORT), str(bad))
    assert result.status == 2
    assert 'orders.txt, line 3: purchase-date "2026-13-01" is not a date' in result.err
    assert json.loads(cli("list", "--json").out) == []
