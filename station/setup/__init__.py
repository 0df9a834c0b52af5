"""Setting a station up: its settings file, the checks behind the settings dialog and the
first-run wizard, and the support bundle. Plain Python; the Qt screens are in
:mod:`station.ui.setup`."""
