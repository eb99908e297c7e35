"""Loading: every table read, every cell checked, and one frozen report assembled, with its problems.

It comes after ``figures`` because the checks that ask for a second look (a completion above 100 %) use
the same definitions the pages do."""
