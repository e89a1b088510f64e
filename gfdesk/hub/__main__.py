"""python -m gfdesk.hub: the same as ``gfdesk hub`` (Qt-free)."""

import sys

from gfdesk.hub.serve import main

raise SystemExit(main(sys.argv[1:]))
