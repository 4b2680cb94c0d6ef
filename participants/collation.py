"""Norwegian alphabetical order for lists sorted in Python: æ, ø and å after z, in that order.

Neither SQLite nor a PostgreSQL database with the C collation sorts this way (both put å before æ),
so lists of names shown to people are sorted with this key.
"""

import unicodedata

# After z (ASCII "{", "|", "}" sort after "z"); ä and ö as æ and ø, ü as y, as Norwegian dictionaries do.
_LETTERS = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}", "ü": "y"}


def norwegian_key(text):
    """A sort key: case and accents aside (é as e), æ ø å last; ties keep a stable, exact order."""
    letters = []
    for char in str(text).casefold():
        letters.append(_LETTERS.get(char) or unicodedata.normalize("NFD", char)[0])
    return "".join(letters), str(text)
