"""Learn from a corpus in Python: documents in, a rule set for the strip step out.

    >>> from cleanse.strip import Strip
    >>> from cleanse.document import Document
    >>> docs = [("a.org", f"Story {chr(97 + i)}.\\nRead us daily") for i in range(12)]
    >>> docs += [("b.org", f"Other {chr(97 + i)}.\\nRead us daily") for i in range(3)]
    >>> rules = learn_rules(docs)
    >>> [(r.site, r.phrases) for r in rules.rules]
    [('a.org', ('Read us daily',))]
    >>> step = Strip(extra=(rules,))
    >>> step(Document.from_text("News.\\nRead us daily", site="a.org")).text
    'News.'
    >>> step(Document.from_text("News.\\nRead us daily", site="b.org")).text
    'News.\\nRead us daily'

``b.org`` prints the line too, but in three documents, fewer than ``min_docs``: each
site is counted on its own.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from cleanse.learn.counting import DEFAULT_SETTINGS, Learner, LearnSettings
from cleanse.learn.rulefile import LearnedRules, to_rules

__all__ = ["learn_rules"]

Source = Iterable[str | tuple[str | None, str]]


def _pairs(documents: Iterable[Any]) -> Iterator[tuple[str | None, str]]:
    for number, item in enumerate(documents, 1):
        if isinstance(item, str):
            yield None, item
        elif (
            isinstance(item, tuple)
            and len(item) == 2
            and (item[0] is None or isinstance(item[0], str))
            and isinstance(item[1], str)
        ):
            yield item[0], item[1]
        else:
            raise TypeError(
                f"document {number}: expected a str or a (site, text) tuple of "
                f"str, got {type(item).__name__}"
            )


def learn_rules(
    documents: Source,
    *,
    min_docs: int | None = None,
    min_share: float | None = None,
    group_by: str | None = None,
    settings: LearnSettings = DEFAULT_SETTINGS,
) -> LearnedRules:
    """Learn each site's recurring lines from ``documents`` as ``site`` rules.

    A document is a text (then all texts count as one corpus, and its rules apply
    to every document) or a ``(site, text)`` tuple (rules for that site only).
    ``min_docs`` and ``min_share`` override ``settings`` (`LearnSettings` documents
    every guard). ``group_by`` is written into the rule set for `cleanse.records`:
    ``"url"`` or the record field the sites came from.

    The documents are read twice (see `cleanse.learn.counting`): a list or any
    re-iterable collection directly, a one-shot iterator (a generator) through a
    temporary file on disk, so memory stays bounded either way. The result is a
    `RuleSet`: pass it to ``Strip(extra=(rules,))``, or `write_rules` it to a file
    for ``make_pipeline(rules=[path])`` and ``cleanse --rules``.
    """
    if min_docs is not None:
        settings = settings._replace(min_docs=min_docs)
    if min_share is not None:
        settings = settings._replace(min_share=min_share)
    learner = Learner(settings)
    if iter(documents) is documents:
        with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
            for site, text in _pairs(documents):
                learner.survey(site, text)
                spool.write(json.dumps([site, text]) + "\n")
            spool.seek(0)
            for line in spool:
                site, text = json.loads(line)
                learner.tally(site, text)
    else:
        for site, text in _pairs(documents):
            learner.survey(site, text)
        for site, text in _pairs(documents):
            learner.tally(site, text)
    return to_rules(
        learner.learned(),
        group_by=group_by,
        documents=sum(learner.site_docs.values()),
        sites=len(learner.site_docs),
        settings=learner.settings,
    )
