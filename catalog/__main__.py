"""`python -m catalog ...`: see catalog.cli."""

from catalog.cli import main

raise SystemExit(main())
