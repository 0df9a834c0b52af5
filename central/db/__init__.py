"""The central database: models, engine and sessions, migrations."""
