"""Material's search, set for Chinese: how the index and what visitors type are split into words."""

#: Splits Chinese from Latin letters and digits, and at Chinese punctuation and full-width brackets,
#: in the search index and in what visitors type alike.
SEARCH_SEPARATOR = (r"[\s\u200b\u3000\-、。，．？！；：（）【】《》〈〉“”‘’]+"
                    r"|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fa5])|(?<=[\u4e00-\u9fa5])(?=[A-Za-z0-9])")

#: Every project carries its cluster, status and year as tags: at the theme's tag boost those would
#: outrank the page that a name belongs to.
SEARCH_FIELDS = {"tags": {"boost": 10.0}}
