"""The HTTP API: typed dependencies and one router per resource."""
