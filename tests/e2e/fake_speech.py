"""A stand-in speech program: logs (``time.monotonic()``, which every process on Linux shares)
when it starts and stops talking, and when it is cut short (SIGTERM).

SUPPLE_SPEECH="python tests/e2e/fake_speech.py LOG" makes supple use it: it "talks" 60 ms a word.
With ``--estimated`` before LOG it talks as long as supple's own estimate of the words
(``supple.core.cues.speech_seconds``), the time the voice plan allows for them.
"""

import signal
import sys
import time

began = time.monotonic()  # first thing: the moment the app's cue reached a running process
args = sys.argv[1:]
estimated = bool(args) and args[0] == "--estimated"
if estimated:
    args = args[1:]
log_path, text = args[0], " ".join(args[1:])


def write(event: str, at: float | None = None) -> None:
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{time.monotonic() if at is None else at:.4f}\t{event}\t{text}\n")


def cut(*_: object) -> None:
    write("cut")
    sys.exit(0)


signal.signal(signal.SIGTERM, cut)  # before "start": whatever started and was cut says so
write("start", began)
if estimated:
    from supple.core.cues import speech_seconds  # after "start": the import takes ~80 ms

    time.sleep(max(0.0, began + speech_seconds(text) - time.monotonic()))
else:
    time.sleep(0.06 * len(text.split()))
write("end")
