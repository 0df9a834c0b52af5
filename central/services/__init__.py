"""What the central service does, as functions of a session that never commit: the routes
compose them into one transaction per request."""
