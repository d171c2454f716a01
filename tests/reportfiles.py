"""Build report files for tests: the samples, their variants, and small hand-made reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

REPORTS = Path(__file__).parent / "data" / "reports"
ORDERS_REPORT = REPORTS / "orders-report.txt"
UNSHIPPED_REPORT = REPORTS / "unshipped-orders-report.txt"
ALL_ORDERS_REPORT = REPORTS / "all-orders-report.txt"

# Columns of the orders report (with prices), in the sample's order.
ORDERS_COLUMNS = ORDERS_REPORT.read_text(encoding="utf-8").splitlines()[0].split("\t")
ALL_ORDERS_COLUMNS = ALL_ORDERS_REPORT.read_text(encoding="utf-8").splitlines()[0].split("\t")


def table(path: Path) -> tuple[list[str], list[list[str]]]:
    """A sample's header and rows (cells as text)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[0].split("\t"), [line.split("\t") for line in lines[1:] if line]


def render(header: list[str], rows: Iterable[list[str]], newline: str = "\n") -> str:
    return newline.join(["\t".join(header), *("\t".join(row) for row in rows)]) + newline


def write(path: Path, content: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(content.encode(encoding))
    return path


def report(
    path: Path,
    rows: Iterable[Mapping[str, str]],
    columns: list[str] | None = None,
) -> Path:
    """Write a report with ``columns`` (default: the orders report's) from dicts of cells."""
    columns = columns or ORDERS_COLUMNS
    return write(path, render(columns, ([row.get(name, "") for name in columns] for row in rows)))


def order_line(**cells: str) -> dict[str, str]:
    """One orders-report line for a paid, unshipped order; override any cell by keyword
    (underscores for dashes: ``order_id="…"``)."""
    line = {
        "order-id": "405-1234567-1234567",
        "order-item-id": "11111111111111",
        "purchase-date": "2026-11-18T09:15:00+00:00",
        "payments-date": "2026-11-18T10:00:00+00:00",
        "promise-date": "2026-11-20T09:15:00Z",
        "buyer-email": "abc@marketplace.amazon.fr",
        "buyer-name": "Aurélien Garçon",
        "buyer-phone-number": "+33 6 11 45 28 20",
        "sku": "MUG-CERAM-01",
        "product-name": "Mug céramique",
        "quantity-purchased": "1",
        "quantity-shipped": "0",
        "currency": "EUR",
        "item-price": "14.90",
        "item-tax": "2.48",
        "shipping-price": "4.90",
        "shipping-tax": "0.82",
        "ship-service-level": "Standard",
        "recipient-name": "Aurélien Garçon",
        "ship-address-1": "7 place du Marché",
        "ship-city": "Clermont-Ferrand",
        "ship-postal-code": "63000",
        "ship-country": "FR",
        "sales-channel": "Amazon.fr",
        "is-business-order": "false",
        "is-prime": "false",
        "is-buyer-requested-cancellation": "false",
        "buyer-requested-cancel-reason": "",
    }
    line.update({name.replace("_", "-"): value for name, value in cells.items()})
    return line


def all_orders_line(**cells: str) -> dict[str, str]:
    """One all-orders-report line (no buyer, no street); status Unshipped by default."""
    line = {
        "amazon-order-id": "405-1234567-1234567",
        "purchase-date": "2026-11-18T09:15:00+00:00",
        "last-updated-date": "2026-11-18T12:00:00+00:00",
        "order-status": "Unshipped",
        "fulfillment-channel": "Merchant",
        "sales-channel": "Amazon.fr",
        "ship-service-level": "Standard",
        "product-name": "Mug céramique",
        "sku": "MUG-CERAM-01",
        "asin": "B0F25BC8CF",
        "item-status": "Unshipped",
        "quantity": "1",
        "currency": "EUR",
        "item-price": "14.90",
        "item-tax": "2.48",
        "shipping-price": "4.90",
        "shipping-tax": "0.82",
        "ship-city": "Clermont-Ferrand",
        "ship-postal-code": "63000",
        "ship-country": "FR",
        "is-business-order": "false",
    }
    line.update({name.replace("_", "-"): value for name, value in cells.items()})
    return line
