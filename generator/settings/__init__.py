"""A site's settings: declared once, typed, and validated with messages that name the key."""
