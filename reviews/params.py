"""Query-string and form values as the admin reads them: never trusted to be well formed.

``str.isdigit`` accepts "²" and "٣", which ``int`` refuses or reads as another number, and
PostgreSQL refuses NUL characters in text: a value that is not what it should be is treated as
absent (and the user told), never passed on to the database.
"""

#: The largest id a BigAutoField holds; Django answers larger ones on smaller id fields with no rows.
MAX_ID = 2**63 - 1


def parse_id(value):
    """``value`` as a database id (ASCII digits, 1 to MAX_ID), or None when it is not one."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def parse_ids(values):
    """Every value as an id, or None when any value is not one (a list is all or nothing)."""
    ids = [parse_id(value) for value in values]
    return None if None in ids else ids


def without_nul(text):
    """``text`` without NUL characters, which no stored text can contain on PostgreSQL."""
    return text.replace("\x00", "")


class IdConverter:
    """A URL path part that is an id: 1 to 18 ASCII digits (anything else is a 404)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
