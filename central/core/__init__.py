"""Settings and other things every part of the central service needs."""
