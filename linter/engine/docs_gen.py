"""``python -m linter.engine.docs_gen``: regenerate ``docs/rules/`` from the rules' metadata."""

from __future__ import annotations

from pathlib import Path

from linter.engine.ruledocs import write_all

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "docs" / "rules"
    written = write_all(target)
    print(f"wrote {len(written)} pages to {target}")
