"""python -m gfdesk"""

from gfdesk.app import main

raise SystemExit(main())
