"""The ``hub`` fixture lives here once gfdesk.hub.app exists (issue 3)."""
