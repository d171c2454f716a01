"""Issue 12 item 7: an import that changes an order says so on the timeline as the other
sentences do: items by SKU and title (never a raw order-item id), amounts with their
currency, the order's details in the seller's words; the French window translates it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from app.marketplace_files.importer import import_reports
from app.order_views.order_details import order_details
from app.storage.db import Database
from app.storage.models import Event
from tests.reportfiles import order_line, report

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ORDER_ID = "405-1234567-1234567"


def last_event(db: Database) -> Event:
    with db.reading() as session:
        return session.scalars(select(Event).order_by(Event.id.desc()).limit(1)).one()


def test_an_item_change_names_the_item_and_writes_amounts_with_currency(
    db: Database, tmp_path: Path
) -> None:
    import_reports(db, [report(tmp_path / "a.txt", [order_line()])], at=AT)
    later = order_line(quantity_shipped="1", item_price="15.90", ship_city="Riom")
    import_reports(db, [report(tmp_path / "b.txt", [later])], at=AT + timedelta(hours=1))
    summary = last_event(db).summary
    assert summary == (
        "Imported from b.txt: Unshipped → Shipped; changed MUG-CERAM-01 “Mug céramique” "
        "(shipped 0 → 1, item price 14.90 EUR → 15.90 EUR), total 23.10 EUR → 24.10 EUR, "
        "shipping address."
    )
    assert "11111111111111" not in summary


def test_a_new_item_is_named_by_sku_and_title(db: Database, tmp_path: Path) -> None:
    import_reports(db, [report(tmp_path / "a.txt", [order_line()])], at=AT)
    second = order_line(order_item_id="22222222222222", sku="TOTE-LIN-NAT", product_name="Tote")
    import_reports(
        db, [report(tmp_path / "b.txt", [order_line(), second])], at=AT + timedelta(hours=1)
    )
    summary = last_event(db).summary
    assert summary.startswith("Imported from b.txt: changed TOTE-LIN-NAT “Tote” (new item)")
    assert "22222222222222" not in summary


def test_the_french_timeline_reads_the_change_in_french(db, tmp_path, qapp) -> None:
    from ui import translation
    from ui.i18n import tr_text

    import_reports(db, [report(tmp_path / "a.txt", [order_line()])], at=AT)
    later = order_line(item_price="15.90")
    import_reports(db, [report(tmp_path / "b.txt", [later])], at=AT + timedelta(hours=1))
    sentence = order_details(db, ORDER_ID, AT).timeline[-1].sentence
    assert sentence is not None
    try:
        assert translation.install_translators(qapp, "fr") == "fr"
        said = tr_text(sentence).replace("\u00a0", " ").replace("\u202f", " ")
    finally:
        translation.install_translators(qapp, "en")
    assert "MUG-CERAM-01 « Mug céramique »" in said
    assert "prix de l'article 14,90 € → 15,90 €" in said
    assert "Importé" in said
