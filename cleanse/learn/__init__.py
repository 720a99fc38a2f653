"""Learn a site's own boilerplate from a corpus: lines that recur in its documents.

    >>> import io
    >>> docs = [("a.org", f"Story {chr(97 + i)}.\\nRead us daily") for i in range(12)]
    >>> out = io.StringIO()
    >>> write_rules(learn_rules(docs), out)
    >>> print(out.getvalue().split("[[rule]]")[1].strip())  # doctest: +ELLIPSIS
    id = "site.a-org.014ff3f5"
    category = "site"
    kind = "line"
    site = "a.org"
    phrases = ["Read us daily"]
    ...

- `cleanse.learn.counting`: the guards (`learnable`), the bounded-memory counting
  (`Learner`, `Sketch`) and its settings (`LearnSettings`);
- `cleanse.learn.rulefile`: learned lines as rules (`LearnedRules`) and the file
  (`write_rules`);
- `cleanse.learn.corpus`: `learn_rules`, the one call;
- `cleanse.learn.sites`: which site a record belongs to (`site_of`);
- `cleanse.learn.cli`: ``cleanse learn``.

See docs/learn.md.
"""

from __future__ import annotations

from cleanse.learn.corpus import learn_rules
from cleanse.learn.counting import LearnedLine, Learner, LearnSettings, learnable
from cleanse.learn.rulefile import LearnedRules, to_rules, write_rules
from cleanse.learn.sites import host_of, site_of

__all__ = [
    "LearnSettings",
    "LearnedLine",
    "LearnedRules",
    "Learner",
    "host_of",
    "learn_rules",
    "learnable",
    "site_of",
    "to_rules",
    "write_rules",
]
