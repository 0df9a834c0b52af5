"""The supervisor's screens: review queue with evidence review, unmatched parcels, dashboard,
together in :class:`~station.ui.review.supervisor_panel.SupervisorPanel`."""
