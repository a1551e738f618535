"""supple's own themes, offered beside Textual's wherever themes are chosen (the settings
screen, the `theme` setting).

``high-contrast``: white text on black, each cue colour bright and far from the others, the
highlighted row black on yellow, every border white: for low vision and bright rooms. A theme
defines its own colours (the "theme variables only" rule is for the widgets that read them).
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFB000",
    error="#FF6B6B",
    success="#00FF66",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#FFFFFF",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",  # nothing greyed out: grey on black is hard to read
        "text-disabled": "#C0C0C0",
        "border": "#FFFFFF",
        "border-blurred": "#C0C0C0",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#C0C0C0",
        "block-hover-background": "#333333",
        "footer-foreground": "#FFFFFF",
        "footer-background": "#000000",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-cursor-foreground": "#000000",
        "input-cursor-background": "#FFFFFF",
        "input-selection-background": "#0000CC",
        "scrollbar": "#FFFFFF",
        "scrollbar-background": "#000000",
        "link-color": "#00FFFF",
    },
)

THEMES = (HIGH_CONTRAST,)
