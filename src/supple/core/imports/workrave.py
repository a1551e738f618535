"""Placeholder: being written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from supple.core.imports import Imported, ImportProblem

NAME = "workrave"


def detect(data: Any) -> bool:
    return False


def convert(data: Any, path: Path) -> Imported:
    raise ImportProblem(path, "not supported yet")
