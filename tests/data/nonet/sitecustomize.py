"""Loaded by Python at start-up when this folder is on PYTHONPATH: any internet socket fails.

Local (AF_UNIX) sockets still work: asyncio needs a socketpair for its own wake-ups.
"""

import socket

_original = socket.socket.__init__


def _refuse(self, family=-1, type=-1, proto=-1, fileno=None):  # type: ignore[no-untyped-def]
    if fileno is None and family in (socket.AF_INET, socket.AF_INET6):
        with open("/dev/stderr", "w") as err:
            err.write("NETWORK ATTEMPT BLOCKED\n")
        raise OSError("network disabled for this test")
    _original(self, family, type, proto, fileno)


socket.socket.__init__ = _refuse  # type: ignore[method-assign]
