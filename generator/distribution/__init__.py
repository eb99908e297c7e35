"""The tool as something to install elsewhere: its own wheel, and a folder of every wheel it needs."""
