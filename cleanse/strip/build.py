"""Write ``cleanse/strip/_builtin.json``, the built-in rule packs as plain data.

    python -m cleanse.strip.build           # check the packs, write the file
    python -m cleanse.strip.build --check   # exit 1 if the file is out of date

The TOML files in ``cleanse/rules/`` are the source of truth. Parsing them,
checking their patterns and reading what the engine needs from the patterns costs
a fresh process about a fifth of a second; reading the JSON costs about a
millisecond (C-speed ``json``, with or without bytecode caches). The file carries
the `source_hash` of the packs it was made from, so `builtin_rules` falls back to
the TOML when a pack was edited and this command not run again, and
``tests/test_rules_builtin.py`` fails, naming the command.

    >>> text = render()
    >>> text.startswith('{"format": 1,'), '"patterns": {' in text
    (True, True)
"""

from __future__ import annotations

import argparse
import json
import sys

from cleanse.strip.narrow import trie
from cleanse.strip.rules import (
    BUILTIN_DATA,
    BUILTIN_FORMAT,
    builtin_files,
    load_rules,
    packed,
    source_hash,
)
from cleanse.strip.syntax import edge_classes, fixed_ends

__all__ = ["COMMAND", "main", "render"]

#: The command that writes the file, for messages.
COMMAND = "python -m cleanse.strip.build"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(*, check: bool = False) -> str:
    """The text of ``_builtin.json`` for the current packs: one rule, and one
    pattern, per line, so a change to a pack shows as a readable diff.

    With ``check``, every rule's examples and the backtracking probes run first
    (`load_rules`), so a broken pack is refused rather than written out.
    """
    files = builtin_files()
    sets = [load_rules(path, check=check) for path in files]
    lines = [
        f'{{"format": {BUILTIN_FORMAT},',
        f'"source_hash": {_dumps(source_hash(files))},',
        '"packs": [',
    ]
    for number, rule_set in enumerate(sets):
        name, language, description, group_by, rows = packed(rule_set)
        head = _dumps([name, language, description, group_by])[:-1]
        lines.append(f"{head}, [")
        lines.extend(
            _dumps(row) + ("," if i < len(rows) - 1 else "")
            for i, row in enumerate(rows)
        )
        lines.append("]]," if number < len(sets) - 1 else "]]")
    lines.append("],")
    lines.append('"patterns": {')
    patterns = sorted(
        {rule.pattern for s in sets for rule in s.rules if rule.pattern is not None}
    )
    for number, pattern in enumerate(patterns):
        heads, tails = edge_classes(pattern)
        described = [*fixed_ends(pattern), trie(heads), trie(tails, reverse=True)]
        comma = "," if number < len(patterns) - 1 else ""
        lines.append(f"{_dumps(pattern)}: {_dumps(described)}{comma}")
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the generated module."""
    parser = argparse.ArgumentParser(
        prog="python -m cleanse.strip.build", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the module is out of date"
    )
    args = parser.parse_args(argv)
    current = BUILTIN_DATA.read_text(encoding="utf-8") if BUILTIN_DATA.exists() else ""
    if args.check:
        if render() != current:
            print(f"{BUILTIN_DATA} is out of date: run {COMMAND}", file=sys.stderr)
            return 1
        print(f"{BUILTIN_DATA} is up to date")
        return 0
    text = render(check=True)
    if text != current:
        BUILTIN_DATA.write_text(text, encoding="utf-8")
        print(f"wrote {BUILTIN_DATA}")
    else:
        print(f"{BUILTIN_DATA} was up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
