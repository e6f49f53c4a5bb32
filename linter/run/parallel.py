"""Checking many files on several cores: worker processes, chunked, results streamed in order.

Worth it only for many files: below :data:`THRESHOLD` files one process is faster than starting
workers. Workers are forked where the platform allows it, so they start with the rules, the
configuration and the validators the parent already loaded; nothing but paths goes to them and
only each file's report comes back (documents are never held, here or there).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from functools import partial
from itertools import chain, islice
from typing import TYPE_CHECKING

from linter.run.check import check_item
from linter.run.files import Missing, Target

if TYPE_CHECKING:
    from linter.run.model import FileReport, Request

THRESHOLD = 200
"""Fewer files than this are checked in this process (forking and collecting cost ~20 ms)."""
CHUNK = 64
"""Files a worker checks per task: large enough that messaging is cheap, small enough to balance."""


def default_jobs() -> int:
    """The CPUs this process may run on (the CPU count where the platform cannot say)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_in_workers(work: Iterator[Target | Missing], request: Request) -> Iterator[FileReport]:
    """The report of every item of ``work``, in order, checked by ``request.jobs`` processes."""
    head = list(islice(work, THRESHOLD))
    if len(head) < THRESHOLD:
        yield from (check_item(item, request) for item in head)
        return
    import multiprocessing  # here: one file (pre-commit) never pays for importing it

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(request.jobs, initializer=_worker_signals) as pool:
        # Leaving this block for any reason (Ctrl-C, SIGTERM, a closed pipe) terminates the workers.
        yield from pool.imap(partial(check_item, request=request), chain(head, work), chunksize=CHUNK)


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the parent (which stops them) and die quietly on SIGTERM, the
    signal ``Pool.terminate`` sends; forked workers would otherwise run the parent's handlers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
