"""The cancellation summary as a QTextDocument, built from :mod:`app.account_health.summary` data.

One builder serves the print preview, the printer and the PDF: it only lays out
what the core computed. Page numbers are drawn by :mod:`ui.printing.output`.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from html import escape

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont, QTextDocument, QTextOption

from app.account_health.health import RATE_TARGET, CancellationRate
from app.account_health.summary import Summary, SummaryLine, start_of
from ui.i18n import count, date_time, money, number, short_date, time_of_day, tr_text

STYLE = """
body { font-size: 9pt; }
h1 { font-size: 15pt; margin-bottom: 0; }
h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }
p.meta { color: #444; margin-top: 2px; }
table { border-collapse: collapse; }
th { background-color: #e6e6e6; text-align: left; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.when { white-space: nowrap; }
td.order { white-space: nowrap; font-size: 8pt; }
span.code { color: #555; font-size: 8pt; }
tr.total td { font-weight: bold; border-top: 1px solid #000; }
p.rate { font-size: 11pt; font-weight: bold; margin-top: 12px; }
"""


def _amounts(amounts: dict[str, Decimal]) -> str:
    if not amounts:
        return money(Decimal("0.00"))
    return "<br>".join(
        escape(money(amount, currency or None)) for currency, amount in sorted(amounts.items())
    )


class SummaryDocumentBuilder(QObject):
    """Lays out one :class:`Summary` (texts translated in this class's context)."""

    def build(self, summary: Summary) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(QFont("DejaVu Sans", 9))
        document.setDefaultStyleSheet(STYLE)
        # Lines break between words only: a column is never narrower than its longest word,
        # so no header is broken letter by letter ("Dans le taux").
        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)
        document.setHtml(self.html(summary))
        document.setMetaInformation(
            QTextDocument.MetaInformation.DocumentTitle, self.title(summary)
        )
        return document

    def title(self, summary: Summary) -> str:
        return self.tr("Cancellation summary — {shop}").format(shop=summary.shop_name)

    def html(self, summary: Summary) -> str:
        parts = [
            f"<h1>{escape(summary.shop_name)}</h1>",
            f"<h2>{escape(self.tr('Cancellation summary'))}</h2>",
            f"<p class='meta'>{escape(self._period(summary))}<br>"
            + escape(self.tr("Printed on {moment}").format(moment=date_time(summary.made_at)))
            + "</p>",
            "<p>"
            + escape(
                self._rate_sentence(
                    self.tr(
                        "7-day cancellation rate at the start of the period ({moment}): {rate}"
                    ),
                    summary.rate_before,
                    self.tr("beginning of {day}").format(day=short_date(summary.start)),
                )
            )
            + "</p>",
        ]
        parts.append(self._lines_table(summary))
        parts.append(self._totals_table(summary))
        parts.append(
            "<p class='rate'>"
            + escape(
                self._rate_sentence(
                    self.tr("7-day cancellation rate at the end of the period ({moment}): {rate}"),
                    summary.rate_after,
                    self._end_moment(summary),
                )
            )
            + "<br>"
            + escape(self._target_sentence(summary.rate_after))
            + "</p>"
        )
        return "<html><body>" + "\n".join(parts) + "</body></html>"

    def _period(self, summary: Summary) -> str:
        period = self.tr("Period: from {start} to {end} (cancellations made on these days)").format(
            start=short_date(summary.start), end=short_date(summary.end)
        )
        if summary.order_ids:
            return (
                period
                + " — "
                + self.tr("selected orders: {orders}").format(orders=", ".join(summary.order_ids))
            )
        return period

    def _end_moment(self, summary: Summary) -> str:
        if summary.rate_after.as_of < start_of(summary.end + timedelta(days=1)):
            return date_time(summary.rate_after.as_of)  # the period runs on to now
        return self.tr("end of {day}").format(day=short_date(summary.end))

    def _rate_sentence(self, template: str, rate: CancellationRate, moment: str) -> str:
        figure = self.tr(
            "{percent} % (%n of {orders} orders)", "", rate.seller_cancellations
        ).format(
            percent=number(rate.percent),
            orders=count(rate.orders),
        )
        return _keepnumber(template.format(moment=moment, rate=figure))

    def _target_sentence(self, rate: CancellationRate) -> str:
        if rate.above_target:
            return self.tr("Above the target: keep it under {target} %.").format(
                target=number(RATE_TARGET)
            )
        return self.tr("Within the target (under {target} %).").format(target=number(RATE_TARGET))

    def _lines_table(self, summary: Summary) -> str:
        if not summary.lines:
            return f"<p><i>{escape(self.tr('No cancellation in this period.'))}</i></p>"
        headers = [
            self.tr("Order"),
            self.tr("Cancelled on"),
            self.tr("Items and quantities"),
            self.tr("Reason"),
            self.tr("Initiated by"),
            self.tr("In the rate"),
            self.tr("Value"),
        ]
        # Shares of the width; a column whose words need more gets more (lines break
        # between words only), and the reason codes may break between their words.
        widths = (16, 11, 25, 17, 12, 7, 12)
        head = "".join(
            f"<th width='{width}%'{' class=num' if i == len(headers) - 1 else ''}>{escape(h)}</th>"
            for i, (h, width) in enumerate(zip(headers, widths, strict=True))
        )
        yes, no = self.tr("yes"), self.tr("no")
        not_charged = self.tr("not charged")
        rows = [self._row(line, yes, no, not_charged) for line in summary.lines]
        return (
            "<h2>"
            + escape(self.tr("Cancellations ({count})").format(count=count(len(summary.lines))))
            + "</h2>"
            "<table width='100%' cellspacing='0' cellpadding='3' border='0.5'>"
            f"<thead><tr>{head}</tr></thead>" + "".join(rows) + "</table>"
            "<p class='meta'>"
            + escape(
                self.tr(
                    "A cancellation takes only items that were never shipment-confirmed, and "
                    "the buyer is charged only for shipment-confirmed items: these values were "
                    "never charged, so none of them is a refund."
                )
            )
            + "</p>"
        )

    def _row(self, line: SummaryLine, yes: str, no: str, not_charged: str) -> str:
        items = "<br>".join(
            f"{escape(item.title or item.sku)} <span class='code'>({escape(item.ref)})</span>"
            f"\u00a0×\u00a0{item.quantity}"
            for item in line.items
        )
        reason = (
            f"{escape(tr_text(line.reason_label))}<br><span class='code'>"
            f"{escape(_breakable_code(line.reason or ''))}</span>"
        )
        return (
            "<tr>"
            f"<td class='order'>{escape(line.order_id)}</td>"
            # Date and time on two lines: a narrow column must never break a date in two.
            f"<td class='when'>{escape(short_date(line.cancelled_at))}<br>"
            f"<span class='code'>{escape(time_of_day(line.cancelled_at))}</span></td>"
            f"<td>{items}</td>"
            f"<td>{reason}</td>"
            f"<td>{escape(tr_text(line.initiator_label))}</td>"
            f"<td>{escape(yes if line.counts_in_rate else no)}</td>"
            f"<td class='num'>{escape(money(line.value, line.currency))}<br>"
            f"<span class='code'>{escape(not_charged)}</span></td>"
            "</tr>"
        )

    def _totals_table(self, summary: Summary) -> str:
        if not summary.lines:
            return ""
        headers = [
            self.tr("Reason"),
            self.tr("Cancellations"),
            self.tr("Counted in the rate"),
            self.tr("Units"),
            self.tr("Value, not charged"),
        ]
        head = "".join(
            f"<th{' class=num' if i else ''}>{escape(h)}</th>" for i, h in enumerate(headers)
        )
        rows = []
        for total in summary.totals:
            rows.append(
                "<tr>"
                f"<td>{escape(tr_text(total.label))} <span class='code'>"
                f"({escape(total.reason or '—')})</span></td>"
                f"<td class='num'>{total.cancellations}</td>"
                f"<td class='num'>{total.counted}</td>"
                f"<td class='num'>{total.units}</td>"
                f"<td class='num'>{_amounts(total.amounts)}</td>"
                "</tr>"
            )
        units = sum(total.units for total in summary.totals)
        rows.append(
            "<tr class='total'>"
            f"<td>{escape(self.tr('Total'))}</td>"
            f"<td class='num'>{len(summary.lines)}</td>"
            f"<td class='num'>{summary.counted}</td>"
            f"<td class='num'>{units}</td>"
            f"<td class='num'>{_amounts(summary.grand_total)}</td>"
            "</tr>"
        )
        return (
            f"<h2>{escape(self.tr('Totals by reason'))}</h2>"
            "<table width='100%' cellspacing='0' cellpadding='3' border='0.5'>"
            f"<thead><tr>{head}</tr></thead>" + "".join(rows) + "</table>"
        )


def _breakable_code(code: str) -> str:
    """A long reason code may break between its words (a zero-width space), never inside one."""
    if len(code) <= 16:
        return code
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "\u200b", code)


def _keepnumber(sentence: str) -> str:
    """Never break a line between a figure and its % sign."""
    return sentence.replace(" %", "\u00a0%")


def build_summary_document(summary: Summary) -> QTextDocument:
    return SummaryDocumentBuilder().build(summary)
