"""The test run never reads or writes the seller's own Qt settings (issue 12, layout)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings


def test_qsettings_live_in_the_tests_folder_not_in_the_home_folder(tmp_path_factory):
    QCoreApplication.setOrganizationName("SellerDesk")
    QCoreApplication.setApplicationName("SellerDesk")
    for settings in (
        QSettings(),
        QSettings("SellerDesk", "SellerDesk"),
        QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "SellerDesk"),
    ):
        where = Path(settings.fileName()).resolve()
        assert not where.is_relative_to(Path.home() / ".config"), where
        assert where.is_relative_to(tmp_path_factory.getbasetemp().resolve()), where
