"""Run supple with `python -m supple`."""

from supple.cli import main

raise SystemExit(main())
