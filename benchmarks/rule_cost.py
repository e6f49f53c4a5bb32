"""What each rule (and each engine stage) costs per 1,000 personas of the benchmark corpus.

    python benchmarks/rule_cost.py               # 1,000 personas, the 15 most expensive stages
    python benchmarks/rule_cost.py --files 3000 --top 0

Times are in-process (no start-up), summed over the corpus and scaled to 1,000 files.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from linter.config.settings import DEFAULT
from linter.document.source import parse
from linter.engine import selection
from linter.rule import Persona
from linter.schemas.validate import validate
from linter.tavus import revisions


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _drain(check: Callable[[Persona, Any], Iterable[Any]], persona: Persona, options: Any) -> None:
    for _ in check(persona, options):
        pass


def costs(count: int, seed: int) -> dict[str, float]:
    """Seconds per stage (``parse``, ``schema``, each rule code) over ``count`` generated personas."""
    texts = [json.dumps(corpus.generate(i, seed)[0], indent=2).encode() for i in range(count)]
    rule_set = selection.resolve(DEFAULT)
    checks = rule_set.checks_for(revisions.DEFAULT)
    spent: dict[str, float] = {"parse": 0.0, "schema": 0.0, "positions": 0.0}
    for text in texts:
        document: Any = None

        def parsed(data: bytes = text) -> None:
            nonlocal document
            document = parse("p.json", data)

        spent["parse"] += _timed(parsed)
        value = document.value
        spent["schema"] += _timed(partial(validate, value, revisions.DEFAULT))
        spent["positions"] += _timed(partial(document.span, "/layers/llm/model"))
        persona = Persona(value, revisions.DEFAULT)
        for active in checks:
            check = active.rule.check
            assert check is not None
            spent[active.rule.code] = spent.get(active.rule.code, 0.0) + _timed(
                partial(_drain, check, persona, active.options)
            )
    return spent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=15, help="show only the most expensive N (0: all)")
    args = parser.parse_args(argv)
    spent = costs(args.files, args.seed)
    scale = 1000 / args.files
    ranked = sorted(spent.items(), key=lambda item: -item[1])
    rules_total = sum(v for k, v in spent.items() if k not in ("parse", "schema", "positions"))
    print(f"{'stage':<10} {'ms / 1,000 files':>17}")
    for name, seconds in ranked[: args.top or None]:
        print(f"{name:<10} {seconds * scale * 1000:>17.1f}")
    print(f"{'all rules':<10} {rules_total * scale * 1000:>17.1f}  ({len(spent) - 3} rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
