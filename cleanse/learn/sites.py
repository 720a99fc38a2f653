"""Which site a record belongs to: the same answer when learning and when cleaning.

    >>> site_of({"url": "https://www.Example.org:8080/a?b=1"}, "url")
    'example.org'
    >>> site_of({"source": "Die Zeit", "url": "x"}, "source")
    'Die Zeit'
    >>> site_of({"text": "no url here"}, "url") is None
    True

``group_by = "url"`` means the host of the record's ``url`` field: lowercased,
without port, user, or a leading ``www.`` (``www.example.org`` and
``example.org`` print the same template). Any other name means that field's value
as it stands (a string, or a whole number written in decimal). A record without a
usable value has no site: `cleanse learn` does not count it, and the strip step
applies no site rules to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

__all__ = ["URL", "host_of", "site_of"]

#: The ``group_by`` value that means "the host of the ``url`` field".
URL = "url"


def host_of(url: str) -> str | None:
    """The site a URL names: its host, lowercased, without port and ``www.``.

    >>> host_of("http://WWW.spiegel.de/politik/"), host_of("taz.de/!5"), host_of("")
    ('spiegel.de', 'taz.de', None)
    """
    url = url.strip()
    if "://" not in url and not url.startswith("//"):
        url = "//" + url  # a bare host ("taz.de/x") has no scheme to split on
    try:
        host = urlsplit(url).hostname
    except ValueError:  # an unbalanced "[" in the host part
        return None
    if not host:
        return None
    host = host.rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host or None


def site_of(record: Mapping[str, object], group_by: str) -> str | None:
    """The site of ``record`` under ``group_by`` (see the module docstring)."""
    value = record.get(group_by)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    if group_by == URL:
        return host_of(value)
    return value.strip()
