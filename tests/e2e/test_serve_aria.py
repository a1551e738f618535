"""The browser page speaks to assistive technology (`supple serve`, issue 27): during a short
session at high speed in headless Chromium, every cue the page is told is written to its live
region — the polite one, or the assertive one for an alert (a pain marked, the session
stopped) — in order, with the sound never turned on; and every control has a name."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from tests.e2e.cdp import APP_CONNECTED, chromium
from tests.e2e.test_serve_sound import Tab, open_tab, server

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(chromium() is None, reason="Debian's chromium is not installed"),
]
__all__ = ["server"]  # the fixture: a real `supple serve` on loopback, its clock 5 times fast

# Every line added to either live region, as a screen reader would be told it.
LISTEN = """(() => {
  window.heard = [];
  for (const id of ["supple-cues", "supple-alerts"]) {
    const region = document.getElementById(id);
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes)
          window.heard.push({ region: id, text: node.textContent });
    }).observe(region, { childList: true });
  }
  return true;
})()"""


async def typed(tab: Tab, key: str, code: str, shift: bool = False) -> None:
    """A character typed in the terminal, as a keyboard sends it (``!`` is shift+1)."""
    await tab.js("document.querySelector('#terminal textarea').focus()")
    virtual = ord(code[-1].upper())
    for kind in ("keyDown", "keyUp"):
        await tab.call(
            "Input.dispatchKeyEvent",
            type=kind,
            key=key,
            code=code,
            windowsVirtualKeyCode=virtual,
            modifiers=8 if shift else 0,
            **({"text": key} if kind == "keyDown" else {}),
        )


async def names_of_controls(tab: Tab) -> list[tuple[str, str]]:
    """Each button and text field in the page's accessibility tree, with its computed name."""
    tree = await tab.call("Accessibility.getFullAXTree")
    found = []
    for node in tree["nodes"]:
        role = (node.get("role") or {}).get("value", "")
        if role in ("button", "textbox", "toggleButton") and not node.get("ignored"):
            found.append((role, (node.get("name") or {}).get("value", "")))
    return found


async def short_session(url: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Any]:
    async with open_tab(url) as tab:
        await tab.wait_for(APP_CONNECTED)
        await tab.js(LISTEN)
        await asyncio.sleep(1.0)  # home's first paint
        await tab.key("Enter")  # the first routine
        said = "window.suppleAudio.log.filter(e => e.kind === 'say')"
        await tab.wait_for(f"{said}.some(e => e.text.startsWith('Rest'))", timeout=40)
        await typed(tab, "!", "Digit1", shift=True)  # this hurts: 7, carry on
        await asyncio.sleep(0.5)
        await typed(tab, "7", "Digit7")
        await asyncio.sleep(0.3)
        await tab.key("Enter")
        await tab.wait_for(f"{said}.some(e => e.text.startsWith('Pain 7'))", timeout=10)
        await tab.wait_for(f"{said}.length >= 8", timeout=30)
        await tab.key("q")  # end now: yes
        await asyncio.sleep(0.5)
        await tab.key("y")
        await tab.wait_for("window.heard.some(h => h.text === 'Stopped')", timeout=10)
        await asyncio.sleep(0.3)
        log = await tab.js("window.suppleAudio.log")
        heard = await tab.js("window.heard")
        await tab.call("Accessibility.enable")
        controls = await names_of_controls(tab)
        return log, heard, controls


def test_each_cue_is_read_from_the_live_regions(server: str) -> None:
    log, heard, controls = asyncio.run(short_session(server))
    says = [e for e in log if e["kind"] == "say"]
    summary = json.dumps(heard, indent=0)[:4000]
    assert says and not any(e["played"] for e in says)  # sound never on: announced all the same
    told = [("supple-alerts" if e["alert"] else "supple-cues", e["text"]) for e in says]
    assert [(h["region"], h["text"]) for h in heard] == told, summary
    assert "Cat-Cow" in heard[0]["text"]  # the first words name the first exercise
    alerts = [h["text"] for h in heard if h["region"] == "supple-alerts"]
    assert [a.split(" marked")[0] for a in alerts] == ["Pain 7 of 10", "Stopped"], summary
    assert any(h["text"].startswith("Rest") for h in heard if h["region"] == "supple-cues")
    # Every control has a name: the sound button and the terminal's keyboard field.
    assert controls and all(name.strip() for _, name in controls), controls
    assert any("sound" in name.lower() for _, name in controls), controls
    assert any("keys" in name for role, name in controls if role == "textbox"), controls
