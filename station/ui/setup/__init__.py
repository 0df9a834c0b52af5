"""The setup screens: the settings dialog and the first-run wizard, sharing one form per
subject (station, central service, camera, printer, first admin)."""
