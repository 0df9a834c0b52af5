"""The protocol between stations and the central service, shared by both.

Wire models (:mod:`.wire`), event kinds with one payload model each (:mod:`.events`), the
vocabulary (:mod:`.enums`), the order state table (:mod:`.states`), and the two document
formats both sides read: expected-returns manifests (:mod:`.manifest`) and checklist templates
(:mod:`.template`, :mod:`.template_parse`). No ORM, no network, nothing else of the station: the
central service imports this package and nothing more of the station.
"""
