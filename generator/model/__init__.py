"""Checking and modelling: tables become one report of projects, clusters and periods, with its problems."""
