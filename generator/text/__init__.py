"""What the tool says: the message catalogue, page labels, and coded, located problems."""
