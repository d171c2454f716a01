"""The selected order beside the list: items, buyer, shipments, cancellations, timeline.

It shows an :class:`app.order_views.order_details.OrderDetails` (plain data) and, for every
order action, whether the rules allow it and why not. The action buttons are
the window's own QActions, so their state and tooltip are the same everywhere.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.order_actions.reasons import CANCELLATION_REASONS, REFUND_REASONS
from app.order_actions.rules import Action, Decision
from app.order_views.order_list import DeadlineKind
from app.storage.order_table import FulfilledBy
from ui.contrast import make_quiet
from ui.i18n import date_time, money, short_date, tr_text
from ui.labels import (
    asked_by_message_tag,
    deadline_explanation,
    deadline_label,
    fulfilled_by_amazon_explanation,
    fulfilled_by_amazon_label,
    status_label,
)
from ui.models.order_columns import AT_RISK_COLOUR, LATE_COLOUR

# The details are plain data read after the window's first paint; their modules load then.
if TYPE_CHECKING:
    from app.order_actions.order_money import ItemMoney
    from app.order_views.order_details import ItemLine, OrderDetails, TimelineEntry

# "What you can do" marks each line ✔ or ✖ itself: no bullet beside the mark, and a
# wrapped line hangs under the text, not under the mark (the pane is narrow).
_MARKED_LIST = "<ul style='list-style-type:none; -qt-list-indent:0'>"
_MARKED_ITEM = "style='margin-left:14px; text-indent:-14px'"


def _section(title: str, anchor: str = "") -> str:
    named = f"<a name='{anchor}'></a>" if anchor else ""
    return f"<h3>{named}{escape(title)}</h3>"


MESSAGE_SCHEME = "message"
S5_TEMPLATE = "s5_request_cancellation"
BUTTON_COLUMNS = 2  # French labels are long: two to a row keeps the pane narrow
NARROWEST = 220  # the pane gives way to the order list down to this width


class DetailsPane(QWidget):
    message_requested = Signal(str)  # a template key from a suggestion link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details")
        self._details: OrderDetails | None = None
        self._actions: list[tuple[QAction, Decision]] = []
        self._stack = QStackedWidget(self)
        self._nothing = QLabel(self)
        self._nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._nothing.setWordWrap(True)
        make_quiet(self._nothing)
        self._browser = QTextBrowser(self)
        self._browser.setObjectName("details_text")
        self._browser.setOpenLinks(False)
        self._browser.anchorClicked.connect(self._link_clicked)
        self._stack.addWidget(self._nothing)
        self._stack.addWidget(self._browser)
        # S5: a request to cancel by message only, above everything, its reply one click away.
        self.asked_banner = QFrame(self)
        self.asked_banner.setObjectName("asked_by_message")
        self.asked_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self._asked_text = QLabel(self.asked_banner)
        self._asked_text.setWordWrap(True)
        self.s5_reply_button = QPushButton(self.asked_banner)
        self.s5_reply_button.setObjectName("s5_reply")
        self.s5_reply_button.clicked.connect(lambda: self.message_requested.emit(S5_TEMPLATE))
        banner_layout = QVBoxLayout(self.asked_banner)
        banner_layout.addWidget(self._asked_text)
        banner_layout.addWidget(self.s5_reply_button)
        self.asked_banner.hide()
        self._buttons = QGridLayout()
        self._buttons.setContentsMargins(0, 4, 0, 0)
        self._button_list: list[QToolButton] = []
        self._columns = BUTTON_COLUMNS
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.asked_banner)
        layout.addWidget(self._stack, 1)
        layout.addLayout(self._buttons)
        self.retranslate()

    def add_button(self, action: QAction) -> QToolButton:
        """A button for ``action``, shown only while the action is available."""
        button = QToolButton(self)
        button.setObjectName(f"button_{action.objectName()}")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._button_list.append(button)
        return button

    def finish_buttons(self) -> None:
        self._arrange_buttons()

    def visible_buttons(self) -> list[QToolButton]:
        return [button for button in self._button_list if not button.isHidden()]

    def _button_columns(self) -> int:
        """Two buttons to a row when they fit side by side, else one: the pane narrows
        to leave the order list its columns at laptop size."""
        widest = max((b.sizeHint().width() for b in self._button_list), default=0)
        return BUTTON_COLUMNS if self.width() >= BUTTON_COLUMNS * (widest + 6) else 1

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        buttons = [*self._button_list, self.s5_reply_button]
        widest = max(b.sizeHint().width() for b in buttons) + 2 * self.asked_banner.frameWidth()
        return QSize(max(NARROWEST, widest), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._button_columns() != self._columns:
            self._arrange_buttons()

    def _arrange_buttons(self) -> None:
        """Lay out the available actions' buttons, two to a row when they fit; what is not
        available is explained in "What you can do" and in the action's tooltip."""
        for button in self._button_list:
            self._buttons.removeWidget(button)
        shown = [b for b in self._button_list if b.defaultAction().isEnabled()]
        for button in self._button_list:
            button.setHidden(button not in shown)
        self._columns = self._button_columns()
        for number, button in enumerate(shown):
            self._buttons.addWidget(button, number // self._columns, number % self._columns)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == MESSAGE_SCHEME:
            self.message_requested.emit(url.path())

    def retranslate(self) -> None:
        self._nothing.setText(self.tr("Select an order to see its items, buyer and history."))
        self._asked_text.setText(
            "✉ "
            + self.tr(
                "The buyer asked to cancel by message only. Cancelling now counts in your "
                "cancellation rate: ask the buyer to use Request cancellation instead."
            )
        )
        self.s5_reply_button.setText(self.tr("Reply to the buyer…"))
        self.s5_reply_button.setToolTip(
            self.tr("Opens the S5 message asking the buyer to use Request cancellation.")
        )
        self.show_order(self._details, self._actions)

    @property
    def text(self) -> str:
        """What the pane says, as plain text (for tests and screen readers)."""
        if self._details is None:
            return self._nothing.text()
        return self._browser.toPlainText()

    def show_order(
        self, details: OrderDetails | None, actions: list[tuple[QAction, Decision]]
    ) -> None:
        self._details = details
        self._actions = actions
        self._arrange_buttons()
        self.asked_banner.setVisible(details is not None and details.asked_by_message)
        if details is None:
            self._stack.setCurrentWidget(self._nothing)
            self._browser.clear()
            return
        scroll = self._browser.verticalScrollBar().value()
        self._browser.setHtml(self._html(details, actions))
        self._browser.verticalScrollBar().setValue(scroll)
        self._stack.setCurrentWidget(self._browser)

    # -- the HTML ------------------------------------------------------------

    def _html(self, details: OrderDetails, actions: list[tuple[QAction, Decision]]) -> str:
        parts = [self._heading(details), self._can_do(actions), self._items(details)]
        if details.money is not None:
            parts.append(self._money(details))
        parts.append(self._buyer(details))
        if details.shipments:
            parts.append(self._shipments(details))
        if details.cancellations:
            parts.append(self._cancellations(details))
        if details.refunds:
            parts.append(self._refunds(details))
        parts.append(self._timeline(details))
        return "".join(parts)

    def _heading(self, details: OrderDetails) -> str:
        badges = [escape(status_label(details.status))]
        if details.buyer_requested_cancel:
            badges.append("<b>" + escape(self.tr("⚑ Buyer requested cancellation")) + "</b>")
        if details.asked_by_message:
            badges.append("<b>" + escape(asked_by_message_tag()) + "</b>")
        if details.canceled_on_marketplace:
            badges.append(escape(self.tr("cancelled on the marketplace")))
        if details.fulfilled_by is FulfilledBy.MARKETPLACE:
            badges.append("<b>" + escape(fulfilled_by_amazon_label()) + "</b>")
        lines = [
            # An order id is read and copied whole: the heading never breaks it at a dash,
            # in a size that fits the narrowest pane (an h2 was cut there).
            f"<p style='font-size:large; font-weight:bold; margin-bottom:2px;"
            f" white-space:nowrap'>{escape(details.order_id)}</p>",
            f"<p style='margin-top:0'>{' · '.join(badges)}</p>",
            "<table cellspacing='0' cellpadding='1'>",
            self._field(self.tr("Purchased"), escape(date_time(details.purchase_date))),
        ]
        if details.fulfilled_by is FulfilledBy.MARKETPLACE:
            lines.insert(
                2,
                f"<p style='margin-top:0'><small>{escape(fulfilled_by_amazon_explanation())}"
                "</small></p>",
            )
        ship_by = escape(short_date(details.latest_ship_date))
        emphasis = deadline_label(details.deadline)
        if emphasis:
            colour = (
                AT_RISK_COLOUR if details.deadline.kind is DeadlineKind.AT_RISK else LATE_COLOUR
            ).name()
            ship_by += (
                f" <b style='color:{colour}'>⚠ {escape(emphasis)}</b><br>"
                f"<small>{escape(deadline_explanation(details.deadline))}</small>"
            )
        lines.append(self._field(self.tr("Ship by"), ship_by))
        lines.append(self._field(self.tr("Total"), escape(money(details.total, details.currency))))
        if details.buyer_cancel_reason:
            lines.append(
                self._field(self.tr("Buyer's reason"), escape(details.buyer_cancel_reason))
            )
        lines.append("</table>")
        return "".join(lines)

    @staticmethod
    def _field(label: str, value_html: str) -> str:
        return (
            f"<tr><td style='padding-right:8px' valign='top'>{escape(label)}</td>"
            f"<td>{value_html}</td></tr>"
        )

    def _can_do(self, actions: list[tuple[QAction, Decision]]) -> str:
        rows = []
        for action, decision in actions:
            name = action.text().replace("&", "").rstrip("…")
            if decision.allowed:
                line = self.tr("{action}: available").format(action=name)
                rows.append(f"<li {_MARKED_ITEM}>✔ {escape(line)}</li>")
            else:
                why = tr_text(decision.reason) if decision.reason else ""
                line = self.tr("{action}: not available — {why}").format(action=name, why=why)
                rows.append(f"<li {_MARKED_ITEM}>✖ {escape(line)}</li>")
        return _section(self.tr("What you can do")) + _MARKED_LIST + "".join(rows) + "</ul>"

    def _items(self, details: OrderDetails) -> str:
        blocks = []
        currency = details.currency
        for item in details.items:
            shipping = None
            if item.shipping_price is not None or item.shipping_tax is not None:
                shipping = (item.shipping_price or Decimal(0)) + (item.shipping_tax or Decimal(0))
            title = f"<br>{escape(item.title)}" if item.title else ""
            amounts = self.tr("price {price} · tax {tax} · shipping {shipping}").format(
                price=money(item.item_price, currency),
                tax=money(item.item_tax, currency),
                shipping=money(shipping, currency),
            )
            units = self.tr(
                "{quantity} ordered · {shipped} shipped · {cancelled} cancelled · {open} to ship"
            ).format(
                quantity=item.quantity,
                shipped=item.quantity_shipped,
                cancelled=item.quantity_cancelled,
                open=item.quantity_open,
            )
            balance = self._balance(details, item)
            blocks.append(
                f"<li><b>{escape(item.sku)}</b> × {item.quantity}{title}"
                f"<br><small>{escape(amounts)}<br>{escape(units)}{balance}</small></li>"
            )
        return _section(self.tr("Items")) + "<ul>" + "".join(blocks) + "</ul>"

    def _balance(self, details: OrderDetails, item: ItemLine) -> str:
        """The item's charged, cancelled, refunded and net, as app/ computed them."""
        if details.money is None:
            return ""
        found = [line for line in details.money.items if line.ref == item.ref]
        if not found:
            return ""
        return "<br>" + escape(self._figures(found[0], details.currency))

    def _figures(self, line: ItemMoney, currency: str | None) -> str:
        return self.tr(
            "charged {charged} · cancelled {cancelled} · refunded {refunded} · net {net}"
        ).format(
            charged=money(line.charged, currency),
            cancelled=money(line.cancelled, currency),
            refunded=money(line.refunded, currency),
            net=money(line.net, currency),
        )

    def _money(self, details: OrderDetails) -> str:
        """The order's balance: what the buyer was charged, what was cancelled or
        refunded, and what the seller keeps (app.order_actions.order_money computes every
        figure)."""
        figures = details.money
        assert figures is not None
        currency = details.currency
        refunded = money(figures.refunded, currency)
        if figures.fees:
            refunded += " " + self.tr("(restocking fees kept: {fees})").format(
                fees=money(figures.fees, currency)
            )
        rows = [
            self._field(self.tr("Charged"), escape(money(figures.charged, currency))),
            self._field(self.tr("Cancelled"), escape(money(figures.cancelled, currency))),
            self._field(self.tr("Refunded"), escape(refunded)),
            self._field(self.tr("Net"), "<b>" + escape(money(figures.net, currency)) + "</b>"),
        ]
        note = self.tr("Charged: the shipped units. Net: charged less refunded.")
        return (
            _section(self.tr("Money"), "money")
            + "<table cellspacing='0' cellpadding='1'>"
            + "".join(rows)
            + f"</table><p style='margin-top:2px'><small>{escape(note)}</small></p>"
        )

    def _refunds(self, details: OrderDetails) -> str:
        rows = []
        currency = details.currency
        for refund in details.refunds:
            label = REFUND_REASONS.get(refund.reason)
            reason = self.tr_reason(label) if label else refund.reason
            lines = []
            for item in refund.items:
                if item.fee:
                    line = self.tr("{item}: {amount} minus restocking fee {fee}").format(
                        item=self.item_words(item.sku, item.title),
                        amount=money(item.amount, currency),
                        fee=money(item.fee, currency),
                    )
                else:
                    line = self.tr("{item}: {amount}").format(
                        item=self.item_words(item.sku, item.title),
                        amount=money(item.amount, currency),
                    )
                lines.append(escape(line))
            heading = self.tr("{date} · {amount} · {reason}").format(
                date=date_time(refund.created_at), amount=money(refund.net, currency), reason=reason
            )
            rows.append(f"<li>{escape(heading)}<br><small>{'<br>'.join(lines)}</small></li>")
        return _section(self.tr("Refunds"), "refunds") + "<ul>" + "".join(rows) + "</ul>"

    def item_words(self, sku: str, title: str | None) -> str:
        """An item as a seller names it: SKU and product name."""
        if not title:
            return sku
        return self.tr("{sku} “{title}”").format(sku=sku, title=title)

    def _unit_words(self, details: OrderDetails, ref: str, quantity: int) -> str:
        item = details.item_named(ref)
        name = self.item_words(item.sku, item.title) if item else ref
        return f"{name} × {quantity}"

    def _buyer(self, details: OrderDetails) -> str:
        title = _section(self.tr("Buyer and address"))
        suggestion = self._suggestion(details)
        if details.buyer is None:
            why = tr_text(details.buyer_hidden_because) if details.buyer_hidden_because else ""
            return f"{title}<p><i>{escape(why)}</i></p>{suggestion}"
        lines = [escape(line) for line in details.buyer.address_lines]
        contact = [escape(v) for v in (details.buyer.name, details.buyer.email) if v]
        return f"{title}<p>{'<br>'.join(contact)}</p><p>{'<br>'.join(lines)}</p>{suggestion}"

    def _suggestion(self, details: OrderDetails) -> str:
        """A link to the buyer message the order's state and story call for (app decides)."""
        key = details.suggested_message
        intro = ""
        if key == "s9_contact_customer_service":
            link = self.tr("Reply to a buyer who writes: contact Amazon customer service…")
        elif key == "s15_cancel_and_reorder":
            reason = details.decision(Action.EDIT_ADDRESS).reason
            why = tr_text(reason) if reason else ""
            intro = self.tr("Wrong address? {why}").format(why=why)
            link = self.tr("Ask the buyer to cancel and order again…")
        elif key == "s2_cancellation_notice":
            link = self.tr("Tell the buyer the order is cancelled…")
        else:
            from app.order_actions.messages import TEMPLATES  # loaded with the details

            rule, label = TEMPLATES[key]
            link = QCoreApplication.translate("Messages", label) + f" ({rule})…"
        intro_html = f"<small>{escape(intro)}</small><br>" if intro else ""
        return f"<p>{intro_html}<a href='{MESSAGE_SCHEME}:{key}'>✉ {escape(link)}</a></p>"

    def _shipments(self, details: OrderDetails) -> str:
        rows = []
        for shipment in details.shipments:
            units = "<br>".join(
                escape(self._unit_words(details, ref, qty)) for ref, qty in shipment.units
            )
            tracking = (
                self.tr("tracking {number}").format(number=shipment.tracking_number)
                if shipment.tracking_number
                else self.tr("no tracking number")
            )
            rows.append(
                f"<li>{escape(short_date(shipment.ship_date))} · {escape(shipment.carrier)} · "
                f"{escape(tracking)}<br><small>{units}</small></li>"
            )
        return _section(self.tr("Shipments")) + "<ul>" + "".join(rows) + "</ul>"

    def _cancellations(self, details: OrderDetails) -> str:
        rows = []
        for cancellation in details.cancellations:
            reason = cancellation.reason or ""
            label = CANCELLATION_REASONS.get(reason)
            reason_text = self.tr_reason(label) if label else reason
            counts = (
                self.tr("counts in your cancellation rate")
                if cancellation.counts_in_rate
                else self.tr("does not count in your rate")
            )
            lines = []
            for number, (ref, qty) in enumerate(cancellation.units):
                line = self._unit_words(details, ref, qty)
                if number < len(cancellation.amounts):
                    line = self.tr("{units}: {amount}").format(
                        units=line, amount=money(cancellation.amounts[number], details.currency)
                    )
                lines.append(escape(line))
            units = "<br>".join(lines)
            rows.append(
                f"<li>{escape(date_time(cancellation.created_at))} · {escape(reason_text)} · "
                f"{escape(counts)}<br><small>{units}</small></li>"
            )
        return _section(self.tr("Cancellations")) + "<ul>" + "".join(rows) + "</ul>"

    @staticmethod
    def tr_reason(label: str) -> str:
        return QCoreApplication.translate("Reason", label)

    def _timeline(self, details: OrderDetails) -> str:
        title = _section(self.tr("Timeline"))
        if not details.timeline:
            return (
                title + "<p><i>" + escape(self.tr("Nothing done in SellerDesk yet.")) + "</i></p>"
            )
        rows = [
            f"<li>{escape(date_time(entry.at))} — {escape(self.timeline_sentence(entry))}"
            f" <small>({escape(self.actor_label(entry.actor))})</small></li>"
            for entry in reversed(details.timeline)
        ]
        return f"{title}<ul>{''.join(rows)}</ul>"

    @staticmethod
    def timeline_sentence(entry: TimelineEntry) -> str:
        """In the seller's language when the event kept its sentence, else as stored."""
        return tr_text(entry.sentence) if entry.sentence is not None else entry.summary

    def actor_label(self, actor: str) -> str:
        labels = {
            "seller": self.tr("seller"),
            "marketplace": self.tr("marketplace"),
            "buyer": self.tr("buyer"),
            "import": self.tr("import"),
        }
        return labels.get(actor, actor)

    def scroll_to(self, anchor: str) -> None:
        """Bring a section (``money``, ``refunds``) into view."""
        self._browser.scrollToAnchor(anchor)
