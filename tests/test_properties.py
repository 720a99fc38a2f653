"""The guarantees of DESIGN.md, as properties of the default pipeline.

These run on whatever `make_pipeline()` holds, so every step that joins the default
flow is held to them: idempotent, deterministic, total, conservative, clean text
unchanged, and edits that replay to the output.
"""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from cleanse import clean, clean_document, make_pipeline, replay
from cleanse.normalise import normalise_text
from cleanse.pipeline import MAX_SETTLE
from cleanse.repair import repair_text
from tests.strategies import PROSE, any_text, scraped_text

texts = st.one_of(scraped_text, any_text)

WORD = regex.compile(r"\w+")
# Characters the quotes step may change, besides the French inner spacing.
QUOTE_CHARS = set("\"'`´“”„‟‘’‚‛«»‹›\u202f ")


@given(texts)
@example("LESEN\u00a0 Der Chef der Armee stirbt mit 56 Jahren.")
# Found by hypothesis: setting the quotes swung langdetect's Latin/non-Latin count,
# so the second clean detected Catalan instead of Hungarian and set other marks.
@example("A'ÀAÀ\U000107bb'A\x91ÀÀ̀̀A\x80À\x91ª»")
# Found by hypothesis: ftfy leaves "\xa0¬Ü" alone but repairs "¬Ü", what normalise
# makes of it; the pipeline settles (runs again) until repair has nothing to do.
@example("\xa0¬Ü")
# Found by hypothesis: a trailing U+202F made the second '"' read as spaced (French
# style); tidy then removed it, and the second clean paired the marks.
@example('"\x85"\u202f\u2028DerSchreibe')
# Found by hypothesis: the trailing space tidy removes swung detection from "und"
# to "de", so the second clean set the apostrophe in German style.
@example("DerDerDerChef\xa0the\x91s\xa0")
def test_total_deterministic_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(text) == once
    assert clean(once) == once


@given(texts)
def test_edits_replay_to_the_output(text: str) -> None:
    doc = clean_document(text)
    assert replay(text, doc.edits) == doc.text


@given(texts)
# Found by hypothesis: ftfy leaves "\xadÜ\x98" alone, and repairs "Ü\x98" (what
# normalise makes of it) to a Syriac letter once the pipeline settles.
@example("\xadÜ\x98")
# Found by hypothesis: ftfy leaves "»Ø¯" alone; once quotes made "»" a "„", the
# settling pipeline repaired "Ø¯" (UTF-8 of U+062F read as Latin-1) to "د".
@example("DerDerDer\ud7fc»Ø¯\x91")
def test_no_invented_words(text: str) -> None:
    # Repair and normalise may join or fix words: that is their job, and each
    # change is an edit. Every other step drops lines or sets quotation marks
    # (test_later_steps_drop_whole_lines_or_change_only_quotes). So a word of the
    # output is a word of the input, or comes out of a repair or normalise edit;
    # the pipeline settles by repairing again lines that later steps changed
    # (quotes too), and those repairs are edits as well.
    doc = clean_document(text)
    made = set(WORD.findall(text))
    for edit in doc.edits:
        if edit.step in ("repair", "normalise"):
            made |= set(WORD.findall(edit.after))
    assert set(WORD.findall(doc.text)) <= made


@given(texts)
def test_words_come_from_repairing_and_normalising_the_input(text: str) -> None:
    # Without the settling that later steps' changes set off, the words of the
    # output are those of the input repaired and normalised as often as the
    # pipeline settles at most: nothing else makes words.
    reference: set[str] = set()
    current = text
    for _ in range(1 + MAX_SETTLE):
        current = normalise_text(repair_text(current))
        reference |= set(WORD.findall(current))
    out = make_pipeline(quotes="keep").run(text).text
    assert set(WORD.findall(out)) <= reference


@given(texts)
def test_later_steps_drop_whole_lines_or_change_only_quotes(text: str) -> None:
    for edit in clean_document(text).edits:
        if edit.step in ("strip", "page"):
            assert edit.action == "drop"
        elif edit.step == "quotes":
            assert _without_quotes(edit.before) == _without_quotes(edit.after), edit


def _without_quotes(line: str) -> str:
    return "".join(ch for ch in line if ch not in QUOTE_CHARS)


clean_prose = st.lists(
    st.sampled_from(sorted(PROSE.values())), min_size=1, max_size=6
).map("\n\n".join)


@given(clean_prose)
def test_clean_text_passes_unchanged(text: str) -> None:
    doc = clean_document(text)
    assert doc.text == text
    assert [e.step for e in doc.edits] == []


@given(texts)
def test_text_is_the_same_whether_or_not_the_language_is_reported(text: str) -> None:
    # clean() detects only where the text depends on the language; the text must be
    # what the full pipeline, which detects every document, gives.
    assert clean(text) == make_pipeline(report_language=True).run(text).text


def test_without_report_language_only_texts_with_marks_are_detected() -> None:
    pipeline = make_pipeline(report_language=False)
    plain = "Der Vertrag wurde am Montag in Berlin unterzeichnet."
    assert pipeline.run(plain).lang == "und"
    assert make_pipeline().run(plain).lang == "de"
    quoted = 'Der Vertrag wurde am Montag in Berlin "feierlich" unterzeichnet.'
    assert pipeline.run(quoted).lang == "de"
    assert pipeline.run(quoted).text == make_pipeline().run(quoted).text
    # Nothing needs the language when quotes are kept as they are.
    assert make_pipeline(report_language=False, quotes="keep").run(quoted).lang == "und"
