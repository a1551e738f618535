"""`supple serve --host 0.0.0.0` seen from a phone: 127.0.0.2 (loopback too on Linux, but not
the address the page was first opened at) stands in for the phone's view of this machine."""

from __future__ import annotations

import re
import sys
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from supple.system import serve

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="127.0.0.2 is loopback on Linux")

# Every URL the page loads or connects to: attributes and CSS url(...).
ASSET = re.compile(r'(?:href|src|data-session-websocket-url)="([^"]+)"|url\("([^"]+)"\)')


@pytest.fixture
async def port() -> AsyncIterator[int]:
    """A real server bound to every IPv4 address, as `supple serve --host 0.0.0.0` is."""
    from textual_serve.server import Server

    server = serve.token_server(Server, "sekrit")(
        "true", host="0.0.0.0", port=0, title="supple", templates_path=serve.WEB
    )
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    site = web.TCPSite(runner, "0.0.0.0", 0)
    await site.start()
    try:
        yield int(runner.addresses[0][1])
    finally:
        await runner.cleanup()


async def test_every_asset_url_follows_the_address_the_browser_used(port: int) -> None:
    async with aiohttp.ClientSession() as http:
        for seen_as in ("127.0.0.2", "127.0.0.1", "localhost"):
            async with http.get(f"http://{seen_as}:{port}/?token=sekrit") as answer:
                assert answer.status == 200
                page = await answer.text()
            urls = [a or b for a, b in ASSET.findall(page)]
            assert len(urls) >= 5  # the style, the font, the script, the image, the socket
            for found in urls:
                assert found.startswith((f"http://{seen_as}:{port}/", f"ws://{seen_as}:{port}/"))
                assert "0.0.0.0" not in found
                if found.startswith("http"):
                    async with http.get(found) as asset:
                        assert asset.status == 200, found


async def test_a_host_that_is_no_plain_address_gives_urls_on_the_pages_own_address(
    port: int,
) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.get(
            f"http://127.0.0.2:{port}/?token=sekrit", headers={"Host": 'evil"><script>x'}
        ) as answer,
    ):
        page = await answer.text()
    assert "evil" not in page
    urls = [a or b for a, b in ASSET.findall(page)]
    assert urls and all(u.startswith("/") for u in urls)
