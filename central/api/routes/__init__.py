"""One router per resource; each route composes services into one transaction."""
