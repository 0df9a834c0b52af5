from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station import app
from station.ui.application import build_window, resolve_language


@pytest.mark.parametrize(
    "setting,system,expected",
    [
        ("zh_CN", QLocale.Language.English, "zh_CN"),
        ("en", QLocale.Language.Chinese, "en"),
        ("system", QLocale.Language.Chinese, "zh_CN"),
        ("system", QLocale.Language.English, "en"),
        ("system", QLocale.Language.C, "zh_CN"),  # a bare locale gets the product's language
    ],
)
def test_language_follows_the_setting_then_the_system(setting, system, expected) -> None:
    assert resolve_language(setting, QLocale(system)) == expected


def test_the_window_speaks_simplified_chinese(qtbot, demo_station: app.Station) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    win = build_window(
        qapp,
        workflow=demo_station.workflow,
        auth=demo_station.auth,
        outbox_status=demo_station.outbox_status,
        settings=demo_station.settings.model_copy(update={"language": "zh_CN"}),
    )
    qtbot.addWidget(win)
    try:
        assert win.login_view.submit.text() == "登录"
        assert win.sync_label.text() == "离线"
        assert win.bench.card.heading.text() == "请扫描退货包裹"
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(buttons)  # Qt's own words (the override dialog's buttons) in Chinese
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
        assert ok.startswith("确定") and cancel.startswith("取消")
    finally:
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
