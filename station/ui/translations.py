"""The UI's language: which one, and its catalogue loaded in place of the previous one."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from station.config import resources_dir
from station.domain.labels import Language

log = logging.getLogger(__name__)


def resolve_language(setting: str, system: QLocale | None = None) -> Language:
    """The UI language: the setting if given; else the system's, Chinese unless it is English."""
    if setting in ("zh_CN", "en"):
        return setting  # type: ignore[return-value]
    locale = system or QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else "zh_CN"


_SPOKEN = "stationLanguage"  # the application's property: the language the UI speaks now


def install_translation(app: QCoreApplication, language: Language) -> QTranslator | None:
    """Load the compiled catalogue for ``language`` in place of the one loaded before (the
    first-run wizard switches while it is open; a restart may too). English is the source.
    Qt's own catalogue comes too, for the words Qt draws itself (OK, Cancel, Yes, No…)."""
    app.setProperty(_SPOKEN, "en")
    for old in [
        *app.findChildren(QTranslator, "stationCatalogue"),
        *app.findChildren(QTranslator, "qtCatalogue"),
    ]:
        app.removeTranslator(old)
        old.deleteLater()
    if language == "en":
        return None
    qt = QTranslator(app)
    qt.setObjectName("qtCatalogue")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt)
    else:
        log.warning(
            "no Qt catalogue for %s in %s: Qt's own buttons stay English", language, qt_folder
        )
    translator = QTranslator(app)
    translator.setObjectName("stationCatalogue")
    catalogue = resources_dir() / "i18n" / f"station_{language}.qm"
    if translator.load(str(catalogue)):
        app.setProperty(_SPOKEN, language)  # before the language-change events go out
        app.installTranslator(translator)
        return translator
    log.warning("no translation catalogue at %s; showing English", catalogue)
    return None


def current_language() -> Language:
    """The language the UI speaks now, for texts that are bilingual data rather than
    catalogue entries (printer kinds, domain names)."""
    app = QCoreApplication.instance()
    spoken = app.property(_SPOKEN) if app is not None else None
    return "zh_CN" if spoken == "zh_CN" else "en"
