"""This machine's own IP addresses, found without sending anything over the network."""

from __future__ import annotations

import ipaddress
import socket
import struct
from collections.abc import Iterator
from pathlib import Path

# Why these three sources. The name lookup (getaddrinfo of the host name) is portable but often
# gives loopback only: Debian maps the host name to 127.0.1.1, and a container to 127.0.0.1. So
# the interfaces are asked as well, as `ip addr` does, on Linux: IPv6 from /proc/net/if_inet6
# (every address of every interface) and IPv4 from the SIOCGIFADDR ioctl on each interface
# (its primary address). None of this sends a packet — no "connect a UDP socket to 8.8.8.8"
# trick, which needs a route to the internet and shows one address at most — and each source
# that is missing (another system, no /proc) is skipped, so the worst case is the name lookup.

IF_INET6 = Path("/proc/net/if_inet6")
SIOCGIFADDR = 0x8915  # Linux: an interface's IPv4 address


def _from_host_name() -> Iterator[str]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, proto=socket.IPPROTO_TCP)
    except OSError:
        return
    for *_, address in infos:
        yield str(address[0])


def _ipv6_of_interfaces() -> Iterator[str]:
    try:
        lines = IF_INET6.read_text().splitlines()
    except OSError:
        return
    for line in lines:
        fields = line.split()
        if fields and len(fields[0]) == 32:
            yield str(ipaddress.IPv6Address(bytes.fromhex(fields[0])))


def _ipv4_of_interfaces() -> Iterator[str]:
    try:
        import fcntl

        names = [name for _, name in socket.if_nameindex()]
    except (ImportError, OSError):
        return
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for name in names:
            try:
                answer = fcntl.ioctl(
                    probe.fileno(), SIOCGIFADDR, struct.pack("256s", name.encode()[:15])
                )
            except OSError:  # an interface without an IPv4 address
                continue
            yield socket.inet_ntoa(answer[20:24])


def machine_addresses() -> list[str]:
    """Every IP address of this machine, loopback included, each once, IPv4 first."""
    found: dict[str, None] = {}
    for source in (_from_host_name, _ipv4_of_interfaces, _ipv6_of_interfaces):
        for address in source():
            found.setdefault(address.split("%")[0], None)
    return sorted(found, key=lambda a: ":" in a)


def reachable_from_elsewhere(address: str) -> bool:
    """An address another device can type: not loopback, not unspecified, and not an IPv6
    link-local one (fe80::, usable only with a zone such as %eth0, which browsers refuse)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.is_loopback or ip.is_unspecified or ip.is_multicast:
        return False
    return not (ip.version == 6 and ip.is_link_local)
