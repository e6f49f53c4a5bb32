from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures import mark_property_tests_slow
from lsp_raw import RawClient

try:
    import pytest_lsp
    from lsprotocol import types
    from pytest_lsp import ClientServerConfig, LanguageClient
except ImportError:  # the 'lsp' extra is not installed: the language-server tests skip themselves
    pytest_lsp = None


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        default=False,
        help="rewrite the .expected snapshots of rule fixtures instead of comparing them",
    )


SERVER_FIXTURES = frozenset({"client", "raw", "lsp_client"})
"""Fixtures that start a language-server process: their tests belong to the slow tier."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_property_tests_slow(items)
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs offline: any TCP/UDP connection attempt fails the test that made it.

    Unix sockets stay allowed (asyncio's self-pipe, the language-server tests' stdio).
    """
    for name in ("connect", "connect_ex"):
        original = getattr(socket.socket, name)

        def refuse(self: socket.socket, *args: object, _original: object = original) -> object:
            if self.family in (socket.AF_INET, socket.AF_INET6):
                raise AssertionError(f"a test tried to open a network connection to {args}")
            return _original(self, *args)  # type: ignore[operator]

        monkeypatch.setattr(socket.socket, name, refuse)


@pytest.fixture(autouse=True)
def no_old_data_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never depend on the clock: the notice about old API data is off, except in the tests
    of that notice, which remove this variable and fix "today" themselves (tests/test_api_data_age.py)."""
    monkeypatch.setenv("PERSONA_LINT_IGNORE_OLD_DATA", "1")


@pytest.fixture
def raw(tmp_path: Path) -> Iterator[RawClient]:
    """The language server as a subprocess, driven by hand-written frames (tests/lsp_raw.py)."""
    client = RawClient(tmp_path)
    yield client
    client.close()


if pytest_lsp is not None:

    @pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "linter", "lsp"]))
    async def client(lsp_client: LanguageClient, tmp_path: Path):  # type: ignore[no-untyped-def]
        """The language server driven by a real LSP client (pytest-lsp), its root at ``tmp_path``."""
        params = types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri())
        await lsp_client.initialize_session(params)
        yield
        await lsp_client.shutdown_session()
