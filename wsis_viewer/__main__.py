"""`python -m wsis_viewer`: the same entry point as the `wsis-viewer` command."""

from wsis_viewer.cli import main

raise SystemExit(main())
