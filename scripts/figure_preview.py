"""Print a figure's start and end as text, so an author can look at what a pose draws.

    python scripts/figure_preview.py ID [--width W]

Also prints what the anatomical checks find (nothing: it passes)."""

from __future__ import annotations

import argparse
import sys

from supple.core.figure import figure_lines
from supple.core.figure_checks import problems
from supple.core.figures import FIGURES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", help="a figure's id, e.g. cat-cow")
    parser.add_argument("--width", type=int, default=40, help="columns of each pose")
    args = parser.parse_args(argv)
    figure = FIGURES.get(args.id)
    if figure is None:
        print(f"no figure {args.id!r}; there are: {', '.join(FIGURES)}", file=sys.stderr)
        return 2
    rows = max(4, args.width * 2 // 5)
    for fraction, label in ((0.0, figure.labels[0]), (1.0, figure.labels[1])):
        print(f"{figure.title} ({figure.view}): {label}")
        print("\n".join(line.rstrip() for line in figure_lines(figure, fraction, args.width, rows)))
    found = problems(figure)
    print("\n".join(found) if found else "checks: all pass")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
