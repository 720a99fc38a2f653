"""mkdocs hooks: show doctest examples in docstrings as code.

Docstrings in cleanse open with an example in doctest form. Where the ``>>>`` lines
start at the margin, Markdown would read them as a paragraph, and the output of an
example (``['a', 'b']``) as a link reference. This hook adds a Markdown preprocessor
that fences such runs of lines (up to the next blank line) as ``pycon`` code, for the
pages and for the docstrings mkdocstrings renders.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor


class _DoctestFence(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = in_doctest = False
        for line in lines:
            if line.lstrip().startswith("```"):
                in_fence = not in_fence
            if in_doctest and not line.strip():
                out.append("```")
                in_doctest = False
            elif not in_fence and not in_doctest and line.startswith(">>> "):
                out.extend(["", "```pycon"])
                in_doctest = True
            out.append(line)
        if in_doctest:
            out.append("```")
        return out


class DoctestFenceExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.register(_DoctestFence(md), "cleanse_doctest_fence", 40)


def on_config(config: Any) -> Any:
    # Appended in place: mkdocstrings keeps a reference to this list.
    config.markdown_extensions.append(DoctestFenceExtension())
    return config
