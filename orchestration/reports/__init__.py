"""Event reports: an HTML page and a chart per event, and an index, from the published copy."""
