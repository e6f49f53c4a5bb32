"""JUnit XML (``--format junit``) in the Apache Ant shape that Jenkins, GitLab and GitHub read.

One ``<testsuite>``, one ``<testcase>`` per checked file. A file with error-level findings gets
one ``<failure>`` (the Ant schema allows one per test case, and most CIs show only the first)
whose text lists every error, one ``path:line:col: severity CODE message`` line each. Warnings
and infos do not fail a test case; they are listed in the suite's ``<system-out>`` (the Ant
schema has no per-case output).
"""

from __future__ import annotations

import socket
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from linter.diagnostic import Diagnostic, Severity
from linter.reporters.text import line
from linter.run.model import LintResult
from linter.util.lazy_regex import LazyPattern


def tree(
    result: LintResult, timestamp: str | None = None, hostname: str | None = None,
    fail_level: Severity = Severity.ERROR,
) -> ET.Element:
    """The suite; a finding at or above ``fail_level`` (``--fail-level``) fails its file's test
    case, so the report agrees with the exit code."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in result.diagnostics:
        by_path[diagnostic.path].append(diagnostic)
    paths = list(result.paths) + [p for p in by_path if p not in result.paths]

    def fails(diagnostic: Diagnostic) -> bool:
        return diagnostic.severity.rank >= fail_level.rank

    failing = [p for p in paths if any(fails(d) for d in by_path[p])]
    suite = ET.Element("testsuite", {
        "name": "persona-lint",
        "timestamp": timestamp or time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()),
        "hostname": hostname or _hostname(),
        "tests": str(len(paths)),
        "failures": str(len(failing)),
        "errors": "0",
        "skipped": "0",
        "time": "0",
    })
    ET.SubElement(suite, "properties")
    for path in paths:
        case = ET.SubElement(suite, "testcase", {"name": path, "classname": "persona-lint", "time": "0"})
        errors = [d for d in by_path[path] if fails(d)]
        if errors:
            first = errors[0]
            others = len(errors) - 1
            # Said in words: "(and 2 more)" after an enum list reads as more enum values.
            noun = "error" if fail_level is Severity.ERROR else "finding"
            more = f"; and {others} more {noun}{'s' if others != 1 else ''}" if others else ""
            failure = ET.SubElement(case, "failure", {
                "message": f"{first.code} {first.message}{more}",
                "type": first.code,
            })
            failure.text = "\n".join(line(d) for d in errors) + "\n"
    passing = [d for d in result.diagnostics if not fails(d)]
    ET.SubElement(suite, "system-out").text = "".join(line(d) + "\n" for d in passing)
    ET.SubElement(suite, "system-err").text = "".join(f"persona-lint: warning: {n}\n" for n in result.notices)
    return suite


_NOT_XML = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold, not even as character references."""


def xml_safe(text: str) -> str:
    """``text`` with each character XML 1.0 cannot hold written as a ``\\xNN``/``\\uNNNN`` escape."""
    return _NOT_XML.sub(lambda m: m.group(0).encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def _sanitize(element: ET.Element) -> None:
    for node in element.iter():
        node.attrib.update({key: xml_safe(value) for key, value in node.attrib.items()})
        if node.text:
            node.text = xml_safe(node.text)


def render(result: LintResult, out: TextIO, *, fail_level: Severity = Severity.ERROR) -> None:
    suite = tree(result, fail_level=fail_level)
    _sanitize(suite)  # file names and messages come from the input: a control character must not break the XML
    ET.indent(suite)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suite, encoding="unicode"))
    out.write("\n")


def _hostname() -> str:
    try:
        return socket.gethostname() or "localhost"
    except OSError:
        return "localhost"
