"""What a cancellation would do to the 7-day cancellation rate, before doing it.

The cancel dialog shows this before the seller confirms (DESIGN.md §9): the
rate now and after, against the target, or why it does not count (S4/S5). The
S5 reply the seller can send instead is here too, in the buyer's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import exists, select

from app import clock
from app.account_health.health import (
    RATE_TARGET,
    WINDOW_DAYS,
    CancellationRate,
    cancellation_rate,
    rate_percent,
)
from app.order_actions.message_choice import message_language
from app.order_actions.orders import find_order, require
from app.order_actions.reasons import cancellation_reason
from app.order_actions.rules import Action, cancellation_counting
from app.storage.db import Database
from app.storage.models import Cancellation
from app.text import Text

S5_REPLY = {
    "en": "You can find the order in your Amazon account under Your Account > Your Orders > "
    "Request cancellation.",
    "fr": "Vous pouvez trouver la commande dans votre compte Amazon en cliquant sur Votre compte "
    "> Vos commandes > Demander une annulation",
}


@dataclass(frozen=True)
class RateEffect:
    """The rate before and after a cancellation with one reason."""

    counts: bool
    why: Text
    warn_s5: bool  # Buyer Canceled without the official request: counts; offer the S5 reply
    before: Decimal
    after: Decimal
    target: Decimal = RATE_TARGET

    @property
    def above_target_after(self) -> bool:
        return self.after >= self.target


def current_rate(db: Database, as_of: datetime | None = None) -> CancellationRate:
    """The 7-day cancellation rate as of now (or ``as_of``)."""
    moment = as_of or clock.now()
    with db.reading() as session:
        return cancellation_rate(session, moment)


def cancel_effect(
    db: Database, order_id: str, reason: str, as_of: datetime | None = None
) -> RateEffect:
    """The 7-day rate before and after cancelling ``order_id`` with ``reason``.

    An order counts once: one already counted, or purchased outside the window,
    leaves the rate as it is.
    """
    moment = as_of or clock.now()
    reason = cancellation_reason(reason)
    with db.reading() as session:
        order = find_order(session, order_id)
        require(order, Action.CANCEL_ORDER)
        counting = cancellation_counting(order, reason)
        rate = cancellation_rate(session, moment)
        in_window = moment - timedelta(days=WINDOW_DAYS) < order.purchase_date <= moment
        already = bool(
            session.scalar(
                select(
                    exists().where(
                        Cancellation.order_pk == order.id,
                        Cancellation.counts_in_rate.is_(True),
                        Cancellation.created_at <= moment,
                    )
                )
            )
        )
        added = 1 if counting.counts and in_window and not already else 0
        return RateEffect(
            counts=counting.counts,
            why=counting.why,
            warn_s5=counting.warn_s5,
            before=rate.percent,
            after=rate_percent(rate.seller_cancellations + added, rate.orders),
        )


def s5_reply(language: str) -> str:
    """S5: the reply asking the buyer to file the official cancellation request."""
    return S5_REPLY.get(language[:2].lower(), S5_REPLY["en"])


def buyer_language(sales_channel: str | None, fallback: str = "en") -> str:
    """The buyer's language from the marketplace the order came from (Amazon.fr → fr)."""
    return message_language(sales_channel, fallback)
