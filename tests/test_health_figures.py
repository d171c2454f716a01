"""The figures of account health as the seller reads them, worked out by hand.

No database: the rate's rounding and target, and the health JSON's every field
(scripts read it; ``sellerdesk health --json``) with literal values.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.account_health.health import CancellationRate, HealthReport, rate_percent, window_start

AS_OF = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("cancelled", "orders", "percent"),
    [
        (0, 0, "0.00"),  # no order: no rate, not a division by zero
        (0, 12, "0.00"),
        (1, 40, "2.50"),
        (1, 41, "2.44"),  # 2.439…
        (1, 3, "33.33"),
        (2, 3, "66.67"),  # 66.666… rounded half-up
        (1, 8, "12.50"),
        (1, 16, "6.25"),
        (1, 32, "3.13"),  # 3.125: half-up, not to the even 3.12
        (1, 160, "0.63"),  # 0.625
        (1, 1, "100.00"),
    ],
)
def test_the_rate_is_a_percentage_to_the_hundredth_rounded_half_up(cancelled, orders, percent):
    assert f"{rate_percent(cancelled, orders)}" == percent


@pytest.mark.parametrize(
    ("cancelled", "orders", "above"),
    [(1, 40, True), (1, 41, False), (0, 0, False), (3, 100, True), (2, 100, False)],
)
def test_a_rate_of_2_50_percent_or_more_is_above_the_target(cancelled, orders, above):
    assert CancellationRate(AS_OF, 7, orders, cancelled).above_target is above


def test_the_window_starts_that_many_days_before_the_moment():
    assert window_start(AS_OF, 7) == datetime(2026, 11, 13, 12, 0, tzinfo=UTC)
    assert window_start(AS_OF, 30) == datetime(2026, 10, 21, 12, 0, tzinfo=UTC)


def test_the_health_json_says_each_figure_under_its_name():
    late = {"order_id": "405-1", "status": "Unshipped", "days_late": 2}
    report = HealthReport(CancellationRate(AS_OF, 7, 41, 1), late=[late])
    assert report.to_json() == {
        "as_of": "2026-11-20T12:00:00+00:00",
        "window_days": 7,
        "orders": 41,
        "seller_cancellations": 1,
        "cancellation_rate": "2.44",
        "cancellation_rate_target": "2.50",
        "above_target": False,
        "late": [late],
        "at_risk_of_auto_cancel": [],
        "pending_over_21_days": [],
        "canceled_on_marketplace": [],
        "overdue_refunds": [],
    }


def test_the_health_json_of_a_moment_with_a_rate_above_target():
    data = HealthReport(CancellationRate(AS_OF - timedelta(hours=12), 30, 3, 2)).to_json()
    assert (data["as_of"], data["window_days"], data["cancellation_rate"]) == (
        "2026-11-20T00:00:00+00:00",
        30,
        "66.67",
    )
    assert data["above_target"] is True
