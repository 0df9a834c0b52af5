"""The reference central service for returns-inspection stations (see README.md here)."""
