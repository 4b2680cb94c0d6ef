"""Norwegian alphabetical order for lists sorted in Python: æ, ø and å after z, in that order.

Neither SQLite nor a PostgreSQL database with the C collation sorts this way (both put å before æ),
so lists of names shown to people are sorted with this key.
"""

import unicodedata

from django.db.models.functions import Collate

# After z (ASCII "{", "|", "}" sort after "z"); ä and ö as æ and ø, ü as y, as Norwegian dictionaries do.
_LETTERS = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}", "ü": "y"}


def norwegian_key(text):
    """A sort key: case and accents aside (é as e), æ ø å last; ties keep a stable, exact order."""
    letters = []
    for char in str(text).casefold():
        letters.append(_LETTERS.get(char) or unicodedata.normalize("NFD", char)[0])
    return "".join(letters), str(text)


# The database collation of names: ICU's Norwegian on PostgreSQL (created by a migration), and on
# SQLite the key above, registered on every connection, so lists, forms and the admin sort alike.
COLLATION = "nb_NO"


def norwegian(field):
    """An ordering expression: `field` in Norwegian alphabetical order."""
    return Collate(field, COLLATION).asc()


def _compare(left, right):
    left_key, right_key = norwegian_key(left), norwegian_key(right)
    return (left_key > right_key) - (left_key < right_key)


def register_collation(sender, connection, **kwargs):
    """Give a new SQLite connection the Norwegian collation (PostgreSQL has it from the migration)."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, _compare)
