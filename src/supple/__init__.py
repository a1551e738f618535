"""supple: a terminal mobility coach."""

__version__ = "0.1.0"
