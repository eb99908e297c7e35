"""Rendering: Markdown pages, charts, prose and downloads made from a report, escaped by default."""
