"""A stand-in speech program: logs when it starts and stops talking, "talks" 60 ms a word.

SUPPLE_SPEECH="python tests/e2e/fake_speech.py LOG" makes supple use it.
"""

import signal
import sys
import time

log_path, text = sys.argv[1], " ".join(sys.argv[2:])


def write(event: str) -> None:
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{time.monotonic():.4f}\t{event}\t{text}\n")


def cut(*_: object) -> None:
    write("cut")
    sys.exit(0)


signal.signal(signal.SIGTERM, cut)
write("start")
time.sleep(0.06 * len(text.split()))
write("end")
