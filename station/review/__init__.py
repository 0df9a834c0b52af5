"""Supervisor review: the review queue, evidence review and decisions, unmatched parcels,
and the warehouse's numbers. Plain Python on the database thread; the Qt views are in
:mod:`station.ui.review`."""
