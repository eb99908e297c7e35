"""Reading: CSV and .xlsx files into tables of cells, with every header and cell located as written."""
