"""Derived figures: rates, sums and changes, each defined once and used on every page and download."""
