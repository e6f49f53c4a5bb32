"""What fixing and migrating cost in process, beside linting the same personas.

    python benchmarks/fixes.py                # 300 personas of each variant
    python benchmarks/fixes.py --files 1000

Rows, each the median over runs of the milliseconds per file:

* ``lint`` / ``fix`` on the corpus as written (``lint_text``, ``fix_text``): a file with no
  fixable finding costs ``fix`` one lint, so the two should be equal;
* ``lint`` / ``fix --unsafe-fixes`` on the "many findings" variant of ``variants.py`` (about seven
  findings a file, three or four of them fixable): each round re-parses and re-lints the file;
* ``migrate`` of each corpus persona from 2025-12 to the newest revision (``migrate_text``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from patches import timed
from variants import variants

from linter import fix_text, lint_text, migrate_text
from linter.tavus import revisions


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=300, help="personas of each variant (default: 300)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each row; the median is shown (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    args = parser.parse_args(argv)
    made = variants(args.files, args.seed)
    clean, findings = made["corpus JSON"], made["many findings"]
    rows = [
        ("lint, corpus", clean, lambda t, p: lint_text(t, p)),
        ("fix, corpus", clean, lambda t, p: fix_text(t, p)),
        ("lint, many findings", findings, lambda t, p: lint_text(t, p)),
        ("fix --unsafe-fixes, many findings", findings, lambda t, p: fix_text(t, p, unsafe=True)),
        (f"migrate 2025-12 -> {revisions.DEFAULT}, corpus", clean,
         lambda t, p: migrate_text(t, p, to=revisions.DEFAULT, source="2025-12")),
    ]
    for label, files, work in rows:
        print(f"{label:<40} {timed(files, work, args.runs):7.2f} ms a file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
