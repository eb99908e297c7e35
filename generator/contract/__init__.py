"""The data contract: the columns a table may have, the values a cell may hold, and the limits on both."""
