"""The documentation keeps up with the code it describes."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanse.cli import build_parser
from cleanse.normalise import POLICY

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.fixture(scope="module")
def normalisation() -> str:
    return (DOCS / "normalisation.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("row", POLICY, ids=lambda row: row.rule)
def test_every_policy_rule_is_in_the_table(row: object, normalisation: str) -> None:
    rule, chars = row.rule, row.chars  # type: ignore[attr-defined]
    line = next(
        (ln for ln in normalisation.splitlines() if ln.startswith(f"| `{rule}` |")),
        None,
    )
    assert line is not None, f"{rule} has no row in docs/normalisation.md"
    for char in chars:
        assert f"U+{ord(char):04X}" in line, f"{rule}: U+{ord(char):04X} not listed"


def test_every_cli_option_is_in_the_reference() -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    options = {
        option for action in build_parser()._actions for option in action.option_strings
    }
    missing = sorted(o for o in options if f"`{o}" not in reference)
    assert not missing, f"docs/cli.md does not describe {', '.join(missing)}"
