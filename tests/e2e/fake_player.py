"""A stand-in audio player: logs (``time.monotonic()``, which every process on Linux shares) the
WAV file's name when it starts, and when it ends or is stopped (SIGTERM); it "plays" for the
file's real length, read with ``wave``.

SUPPLE_PLAYER="python tests/e2e/fake_player.py LOG" makes supple use it (the file comes last).
"""

import signal
import sys
import time
import wave
from pathlib import Path

began = time.monotonic()  # first thing: the moment the app's tone reached a running process
log_path, sound = sys.argv[1], Path(sys.argv[-1])


def write(event: str, at: float | None = None) -> None:
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{time.monotonic() if at is None else at:.4f}\t{event}\t{sound.name}\n")


def cut(*_: object) -> None:
    write("cut")
    sys.exit(0)


signal.signal(signal.SIGTERM, cut)  # before "start": whatever started and was stopped says so
write("start", began)
with wave.open(str(sound), "rb") as wav:
    seconds = wav.getnframes() / wav.getframerate()
time.sleep(max(0.0, began + seconds - time.monotonic()))
write("end")
