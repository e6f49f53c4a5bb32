"""What an editor waits for from the language server: diagnostics after a change, hover during a lint.

    python benchmarks/lsp.py                          # 30 rounds of each
    python benchmarks/lsp.py --rounds 60
    python benchmarks/lsp.py --compare /tmp/base      # interleaved A/B with another source tree

Each server is ``python -m linter lsp`` as a subprocess, driven over its pipes by the raw client
of the tests (``tests/lsp_raw.py``); times are taken by the client, as an editor sees them.

* **change -> diagnostics**: a whole-text ``didChange`` of a 233 KB persona (``tests/big_persona.py``;
  45 tools, a 75 kB prompt; every other round has a finding), then the time until
  ``publishDiagnostics`` for that version arrives, less the debounce (``CHANGE_DELAY``). The target
  is 50 ms. Beside it, in each round, what the worker does for it (the lint and its conversion to
  LSP types, ``server._lint``) timed in this process, warm: the rest is the trip around it.
* **hover during a lint**: a change to a 600 KB persona with hundreds of findings, a hover sent
  once its lint has started, and the time to the hover's answer (the lint is left to finish).

``--compare DIR`` runs a second server from the source tree ``DIR`` (``linter``, ``rules`` and
``schemas``, for instance from ``git archive``) and alternates rounds between the two, so that both
see the same load: compare the lines of one run, not runs taken at different times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from big_persona import big_persona, slow_persona  # noqa: E402
from lsp_raw import RawClient  # noqa: E402

from linter.lsp.server import CHANGE_DELAY, _lint  # noqa: E402

TARGET_MS = 50.0
PUBLISH = "textDocument/publishDiagnostics"


@contextmanager
def server(root: Path, source: Path | None) -> Iterator[RawClient]:
    """A language server, from ``source`` when given (put first on ``PYTHONPATH``)."""
    saved = os.environ.get("PYTHONPATH")
    if source is not None:
        os.environ["PYTHONPATH"] = str(source)
    try:
        client = RawClient(root)
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved
    try:
        yield client
    finally:
        client.close()


def change(client: RawClient, uri: str, version: int, text: str) -> None:
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}],
    })


def published(client: RawClient, version: int) -> None:
    client.wait_for(lambda m: m.get("method") == PUBLISH and m["params"]["version"] == version, timeout=60)


class Session:
    """One server with one open document, counting its versions."""

    def __init__(self, client: RawClient, uri: str, text: str) -> None:
        self.client, self.uri, self.version = client, uri, 1
        client.open(uri, text)
        published(client, 1)

    def change_to_diagnostics(self, text: str) -> float:
        """Milliseconds from sending ``text`` to its diagnostics, less the debounce."""
        self.version += 1
        started = time.monotonic()
        change(self.client, self.uri, self.version, text)
        published(self.client, self.version)
        return (time.monotonic() - started - CHANGE_DELAY) * 1000

    def hover_during_lint(self, text: str) -> float:
        """Milliseconds to answer a hover sent while the lint of ``text`` runs."""
        self.version += 1
        change(self.client, self.uri, self.version, text)
        time.sleep(CHANGE_DELAY + 0.03)  # the debounce is over: the lint has started
        msg_id = 1000 + self.version
        started = time.monotonic()
        where = {"textDocument": {"uri": self.uri}, "position": {"line": 2, "character": 5}}
        self.client.request("textDocument/hover", where, msg_id)
        self.client.wait_for(lambda m: m.get("id") == msg_id, timeout=60)
        answered = (time.monotonic() - started) * 1000
        published(self.client, self.version)
        return answered


def summary(values: Sequence[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], ordered[-1]


def in_process_ms(path: str, text: str) -> float:
    """Milliseconds of the worker's work for ``text``, in this process."""
    started = time.perf_counter()
    _lint(path, text, "json", "utf-16")
    return (time.perf_counter() - started) * 1000


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30, help="changes (and hovers) per server")
    parser.add_argument("--compare", type=Path, help="a second source tree, run interleaved with this one")
    parser.add_argument("--size", type=int, default=233_000, help="bytes of the persona changed (default 233 KB)")
    args = parser.parse_args(argv)
    sources: dict[str, Path | None] = {"this tree": None}
    if args.compare is not None:
        sources[f"--compare {args.compare}"] = args.compare.resolve()
    texts = [big_persona(args.size, pipeline_mode=mode) for mode in ("ful", "full")]
    slow = [slow_persona(600_000, pipeline_mode=mode) for mode in ("ful", "fulll")]
    delays: dict[str, list[float]] = {name: [] for name in sources}
    hovers: dict[str, list[float]] = {name: [] for name in sources}
    lint: list[float] = []
    with TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "persona.json"
        with contextmanager_stack(root, sources) as clients:
            sessions = {name: Session(client, path.as_uri(), texts[1]) for name, client in clients.items()}
            for text in texts:  # warm: the first lint builds validators and caches
                in_process_ms(str(path), text)
            # Interleaved, each server first in turn: every measure sees the same minutes.
            for index in range(args.rounds):
                for name, session in rotated(sessions, index):
                    delays[name].append(session.change_to_diagnostics(texts[index % 2]))
                    time.sleep(0.05)
                lint.append(in_process_ms(str(path), texts[index % 2]))
            for index in range(args.rounds):
                for name, session in rotated(sessions, index):
                    hovers[name].append(session.hover_during_lint(slow[index % 2]))
        slow_lint = min(in_process_ms(str(path), text) for text in slow)
    report(args, delays, hovers, lint, slow_lint)


def rotated(sessions: dict[str, Session], turn: int) -> list[tuple[str, Session]]:
    items = list(sessions.items())
    shift = turn % len(items)
    return items[shift:] + items[:shift]


@contextmanager
def contextmanager_stack(root: Path, sources: dict[str, Path | None]) -> Iterator[dict[str, RawClient]]:
    if not sources:
        yield {}
        return
    (name, source), *rest = sources.items()
    with server(root, source) as client, contextmanager_stack(root, dict(rest)) as others:
        yield {name: client, **others}


def report(
    args: argparse.Namespace, delays: dict[str, list[float]], hovers: dict[str, list[float]],
    lint: list[float], slow_lint: float,
) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.rounds} rounds, {args.size:,}-byte persona, debounce {CHANGE_DELAY * 1000:.0f} ms, "
          f"{os.cpu_count()} CPUs, load average {load:.1f} at the end\n")
    print("| server | change -> diagnostics beyond the debounce: median | p90 | max | within 50 ms | "
          "hover during a lint: median | p90 | max |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in delays:
        median, p90, most = summary(delays[name])
        hover = summary(hovers[name])
        within = sum(d <= TARGET_MS for d in delays[name])
        print(f"| {name} | {median:.0f} ms | {p90:.0f} ms | {most:.0f} ms | {within}/{len(delays[name])} | "
              f"{hover[0]:.1f} ms | {hover[1]:.1f} ms | {hover[2]:.1f} ms |")
    median, p90, most = summary(lint)
    print(f"\nThe worker's work in this process (lint and LSP conversion, warm, this tree, in the same rounds): "
          f"median {median:.0f} ms, p90 {p90:.0f} ms, max {most:.0f} ms; for the 600 KB persona of the hover "
          f"rounds: {slow_lint:.0f} ms.")


if __name__ == "__main__":
    main()
