"""Generate the scan feedback sounds in resources/sounds (short, distinct, not shrill)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(freq: float, ms: int, volume: float = 0.5, square: bool = False) -> list[float]:
    n = int(RATE * ms / 1000)
    fade = max(1, int(RATE * 0.008))
    samples = []
    for i in range(n):
        s = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            s = 0.6 * math.copysign(1.0, s)
        envelope = min(1.0, i / fade, (n - i) / fade)
        samples.append(volume * s * envelope)
    return samples


def silence(ms: int) -> list[float]:
    return [0.0] * int(RATE * ms / 1000)


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    write("success.wav", tone(988, 70) + silence(25) + tone(1319, 110))
    write("unknown.wav", tone(660, 180, 0.45))
    write("error.wav", tone(220, 160, 0.45, square=True) + silence(40) + tone(196, 220, 0.45, True))
