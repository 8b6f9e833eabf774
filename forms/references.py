"""Human-friendly application references: the form's prefix and eight unambiguous characters.

The alphabet leaves out characters people confuse when reading or saying them
(0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), e.g. ``CBSW-7K4Q-9M2X`` becomes ``CBSW-7K4Q-9MXR``.
"""

import re
import secrets

ALPHABET = "34679ACDEFGHJKMNPQRTWXY"
GROUP = 4


def new_reference(prefix):
    """A random reference such as ``CBSW-7K4Q-9MXR`` (23**8, about 78 billion per prefix)."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUP * 2))
    prefix = re.sub(r"[^A-Z0-9]", "", (prefix or "RTW").upper()) or "RTW"
    return f"{prefix}-{chars[:GROUP]}-{chars[GROUP:]}"


class ReferenceConverter:
    """``<reference:…>`` in a URL: letters and digits in dash-separated groups, as every reference
    is. Anything else (a NUL character, which PostgreSQL refuses in a query, say) is a 404 before
    any view or query runs."""

    regex = r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
