from __future__ import annotations

import pytest

from ui import application


def test_a_file_that_is_not_a_database_is_explained_with_exit_2(
    tmp_path, monkeypatch, capsys, qapp
):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("hello", encoding="utf-8")
    monkeypatch.setenv(application.QUIT_AFTER_VARIABLE, "10")
    assert application.run(str(bad), demo=False) == 2
    assert "is not a SellerDesk database" in capsys.readouterr().err


@pytest.mark.parametrize("demo", [True, False])
def test_the_window_opens_and_quits_cleanly(tmp_path, monkeypatch, demo, qapp):
    monkeypatch.setenv(application.QUIT_AFTER_VARIABLE, "50")
    assert application.run(str(tmp_path / "shop.sqlite"), demo=demo) == 0
    assert (tmp_path / "shop.sqlite").exists() is (not demo)  # --demo never touches real data
