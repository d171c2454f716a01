"""The sentence both cancel dialogs show before the button: what the cancellation does
to the 7-day rate (:func:`app.account_health.rate_effect.cancel_effect`), red when it ends
above target."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.account_health.rate_effect import RateEffect
from ui.i18n import percent
from ui.models.order_columns import AT_RISK_COLOUR


class RateEffectLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rate_effect")
        self.setWordWrap(True)

    def show_effect(self, effect: RateEffect) -> None:
        if not effect.counts:
            self.setText(self.tr("Does not count: the buyer requested it officially."))
            self.setStyleSheet("")
            return
        sentence = self.tr("Counts: 7-day rate {before} → {after}").format(
            before=percent(effect.before), after=percent(effect.after)
        )
        if effect.above_target_after:
            sentence += self.tr(", above the {target} target").format(target=percent(effect.target))
            self.setStyleSheet(f"color: {AT_RISK_COLOUR.name()}; font-weight: bold")
            sentence = "⚠ " + sentence
        else:
            sentence += self.tr(", below the {target} target").format(target=percent(effect.target))
            self.setStyleSheet("")
        self.setText(sentence + ".")
