"""S4/S5: which cancellations count in the rate, who started them, and what the seller is told.

Written out per reason, without the database: the cancel dialog shows ``why`` under
the reason and the S5 box when ``warn_s5`` is set.
"""

from __future__ import annotations

import pytest

from app.order_actions.rules import cancellation_counting
from app.storage.models import Initiator, Order

OFFICIAL = (
    False,
    Initiator.BUYER_REQUEST,
    "Does not count in your cancellation rate: the buyer requested it officially.",
    False,
)
BY_MESSAGE = (
    True,
    Initiator.BUYER_MESSAGE,
    "Counts in your cancellation rate: the buyer did not use Request cancellation. Ask the "
    "buyer to request it from Your Account > Your Orders > Request cancellation, and it will "
    "not count.",
    True,
)
BY_THE_SELLER = (
    True,
    Initiator.SELLER,
    "Counts in your cancellation rate: you cancel it as the seller.",
    False,
)


@pytest.mark.parametrize(
    ("reason", "requested_officially", "expected"),
    [
        ("BuyerCanceled", True, OFFICIAL),
        ("BuyerCanceled", False, BY_MESSAGE),
        ("NoInventory", True, BY_THE_SELLER),  # the buyer's request does not make it theirs
        ("NoInventory", False, BY_THE_SELLER),
        ("ShippingAddressUndeliverable", False, BY_THE_SELLER),
    ],
)
def test_only_an_official_buyer_request_is_left_out_of_the_rate(
    reason, requested_officially, expected
):
    order = Order(buyer_requested_cancel=requested_officially)
    counting = cancellation_counting(order, reason)
    assert (counting.counts, counting.initiator, counting.why.english(), counting.warn_s5) == (
        expected
    )
    assert counting.why.context == "Rules"  # the French wording is looked up under it
