"""The model: the typed, frozen report of projects, clusters, periods and indicators that pages are made from."""
