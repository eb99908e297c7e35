"""Engines that turn the generated pages into a website."""
