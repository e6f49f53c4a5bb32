"""SCH011: a name of an open vocabulary (a model or engine) persona-lint does not know yet."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.evidence import data_date
from linter.tavus.known_mistakes import WRONG_VALUES
from linter.tavus.vocabularies import OPEN, open_in
from linter.util.closest import closest

_KNOWN_MISTAKES = frozenset((wrong.pointer, wrong.value) for wrong in WRONG_VALUES)


@rule(code="SCH011", name="unknown-open-vocabulary-value", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A hosted LLM, TTS or STT engine, perception or turn-detection model that persona-lint does not know.

    Why: Tavus adds models and engines every few months (for example `raven-2`, `sparrow-2`,
    `tavus-gemma-4` and `tts_engine: "tavus-auto"`, observed in public code from July to October
    2026). In the newest revision of each body kind (`/v2/personas`, `/v2/pals`) such names are
    an open vocabulary: a name persona-lint does not know may be newer than persona-lint's data,
    so it is a warning that says how old that data is, never an error. A name one edit away from
    a known one keeps its "did you mean". Older revisions are fixed points in history: there the
    schema's list is closed and an unknown name stays an error (`SCH004`, or `LLM001` for hosted
    LLMs). `persona-lint versions` shows each revision's data date.
    """
    if not open_in(persona.revision):
        return
    facts = persona.facts
    for vocabulary in OPEN:
        value = persona.get_str(vocabulary.pointer)
        if value is None or not value.startswith(vocabulary.prefix):
            continue
        known = vocabulary.known(facts)
        if not known or value in known or (vocabulary.pointer, value) in _KNOWN_MISTAKES:
            continue  # a known mistake is PIPE007's, with its own hint
        current = [name for name, choice in known.items() if choice.status != "removed"]
        close = closest(value.lower(), current)
        update = "if Tavus added it, update persona-lint"
        hint = (
            f"{update}; if it is a typo, did you mean {close!r}?" if close
            else f"{update}; known: {', '.join(current)}"
        )
        age = f"its data is from {data_date(persona.revision)}"
        message = f"{value[:60]!r} is not {vocabulary.noun} persona-lint knows ({age})"
        yield Finding(vocabulary.pointer, message, hint=hint)
