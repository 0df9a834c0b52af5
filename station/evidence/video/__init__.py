"""Unboxing clips: recording, the burned-in band, fragments and their chain, the clip library."""
