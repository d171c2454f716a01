"""The rolling 7-day cancellation rate over the last 60 days, with the target line (Qt Charts)."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.account_health.health import RATE_TARGET
from app.account_health.health_history import RatePoint, since_first_order
from ui.i18n import number


def _msecs(point: RatePoint) -> float:
    return float(QDateTime(point.as_of).toMSecsSinceEpoch())


class RateChart(QChartView):
    """A line for the rolling rate and a dashed line for the 2.5 % target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.rate_series = QLineSeries()
        self.target_series = QLineSeries()
        self.target_series.setPen(QPen(QColor("#c0392b"), 2, Qt.PenStyle.DashLine))
        self.x_axis = QDateTimeAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.0f")
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.addSeries(self.rate_series)
        chart.addSeries(self.target_series)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.rate_series, self.target_series):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.setChart(chart)
        # Before the first figures: the scale they start on, the last 60 days to 0-5 %.
        now = QDateTime.currentDateTime()
        self.x_axis.setRange(now.addDays(-60), now)
        self.x_axis.setTickCount(7)
        self.y_axis.setRange(0, 5.0)
        self.retranslate()

    def retranslate(self) -> None:
        self.chart().setTitle(self.tr("7-day cancellation rate, last 60 days"))
        self.rate_series.setName(self.tr("Cancellation rate (%)"))
        self.target_series.setName(
            self.tr("Target: under {target} %").format(target=number(RATE_TARGET))
        )
        self.x_axis.setFormat(self.tr("dd/MM", "chart date axis format"))
        self.y_axis.setTitleText(self.tr("%"))

    def show_history(self, points: list[RatePoint]) -> None:
        self.rate_series.clear()
        self.target_series.clear()
        if not points:
            return
        for point in since_first_order(points):
            # Plotting needs floats; the figures themselves stay Decimal in app/.
            self.rate_series.append(_msecs(point), float(point.percent))
        target = float(RATE_TARGET)
        self.target_series.append(_msecs(points[0]), target)
        self.target_series.append(_msecs(points[-1]), target)
        self.x_axis.setRange(QDateTime(points[0].as_of), QDateTime(points[-1].as_of))
        self.x_axis.setTickCount(7)
        highest = max(max(float(point.percent) for point in points), target)
        self.y_axis.setRange(0, max(5.0, highest * 1.15))
        self.y_axis.applyNiceNumbers()
