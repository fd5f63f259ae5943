"""PyInstaller's entry script: the same `main` the `wsis-viewer` gui-script runs.

A separate file (not wsis_viewer/__main__.py) so the package is analysed as a package and
paths.py's `__file__` lands at <bundle>/_internal/wsis_viewer/, next to `_bundled/`.
"""

from wsis_viewer.cli import main

raise SystemExit(main())
