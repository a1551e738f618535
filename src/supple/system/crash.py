"""The one handler for any uncaught error: a crash report in the state folder, one short line on
stderr saying where it is, and a non-zero exit code. Never a bare traceback, never exit 0."""

from __future__ import annotations

import errno
import sys
from datetime import datetime
from pathlib import Path

from supple.i18n import _

CRASH_EXIT = 70  # EX_SOFTWARE: supple itself failed, not the person's input
OUTSIDE_EXIT = 1  # a write the machine refused (a full disk, a read-only folder): not a bug

# Why a write fails for a reason outside supple: the disk, the folder's permissions, a quota,
# the device. Such an OSError is said in one line ("could not write <path>: <reason>"), exit 1,
# never a crash report; any other errno is still a bug.
OUTSIDE_ERRNOS = frozenset(
    getattr(errno, name)
    for name in (
        "ENOSPC",  # disk full
        "EDQUOT",  # quota
        "EROFS",  # read-only file system
        "EACCES",  # permission
        "EPERM",
        "EIO",  # the device (or a terminal gone away)
        "EFBIG",  # file too large for the file system
        "ENOTDIR",  # a file where a folder should be
        "EISDIR",  # a folder where a file should be
        "ENAMETOOLONG",
        "EMLINK",
        "ENFILE",  # out of file descriptors
        "EMFILE",
        "ETXTBSY",
    )
    if hasattr(errno, name)
)


class OutputFailed(OSError):
    """Standard output would not take what a command printed (`supple list > /dev/full`)."""


def outside(error: BaseException) -> str | None:
    """The one line that says ``error`` if it is a write the machine refused, else None (a bug:
    a crash report). A closed pipe is not among them: the caller ends quietly with 0."""
    from supple.core.files import SaveError
    from supple.system.paths import NoHome

    if isinstance(error, SaveError | NoHome):
        return _visible(str(error))[:300]
    if not isinstance(error, OSError) or isinstance(error, BrokenPipeError):
        return None
    reason = error.strerror or str(error)
    if isinstance(error, OutputFailed):  # whatever the reason: standard output is not ours
        return _("could not write to standard output: {reason}").format(reason=reason)
    if error.errno not in OUTSIDE_ERRNOS:
        return None
    if error.filename is None:
        return _("a write failed: {reason}").format(reason=reason)
    said = _("could not write {file}: {reason}").format(file=error.filename, reason=reason)
    return _visible(said)[:300]


def report(error: BaseException, where: str) -> int:
    """Write the crash report of ``error`` (raised in ``where``: the command, or "the app"), say
    where it is on stderr, and return the exit code."""
    what = _visible(f"{type(error).__name__}: {error}")[:200]
    where = _visible(where)[:80]
    try:
        path = write_report(error, where)
    except OSError as failed:
        # Nowhere to keep it: the traceback goes to stderr after all, said to be a crash report.
        import traceback

        said = _(
            "supple: crashed in {where} ({what}); the crash report could not be written "
            "({why}), so here it is:"
        )
        print(said.format(where=where, what=what, why=failed.strerror or failed), file=sys.stderr)
        traceback.print_exception(error, file=sys.stderr)
        return CRASH_EXIT
    said = _(
        "supple: crashed in {where} ({what}). This is a bug in supple; the crash report, with "
        "the traceback, is in {path}"
    )
    print(said.format(where=where, what=what, path=path), file=sys.stderr)
    return CRASH_EXIT


def write_report(error: BaseException, where: str) -> Path:
    """``<state dir>/crash-<time>.txt`` (0600): when, what, and the traceback. OSError if it
    cannot be written."""
    import platform
    import traceback

    from supple import __version__
    from supple.core.files import atomic_write, random_suffix
    from supple.system import paths

    now = datetime.now().astimezone()
    folder = paths.state_dir()
    path = folder / f"crash-{now:%Y%m%dT%H%M%S}.txt"
    if path.exists():  # two crashes in one second: keep both
        path = folder / f"crash-{now:%Y%m%dT%H%M%S}-{random_suffix(4)}.txt"
    text = "".join(
        [
            f"supple {__version__} crashed in {where}\n",
            f"time: {now.isoformat(timespec='seconds')}\n",
            f"command: {' '.join(sys.argv)}\n",
            f"python: {platform.python_version()} on {platform.platform()}\n\n",
            *traceback.format_exception(error),
        ]
    )
    atomic_write(path, text.encode("utf-8", "backslashreplace"))
    return path


def _visible(text: str) -> str:
    """Control characters escaped: an error's text may quote a file's."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
