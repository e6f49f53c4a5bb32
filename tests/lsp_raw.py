"""A raw LSP client over a subprocess pipe: frames written by hand, so tests can send bad ones."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from linter.lsp.stream import read_messages


def frame(body: bytes, length: object = None) -> bytes:
    shown = len(body) if length is None else length
    return f"Content-Length: {shown}\r\n\r\n".encode() + body


def message(method: str, params: Any, msg_id: int | str | None = None) -> bytes:
    data: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
    if msg_id is not None:
        data["id"] = msg_id
    return json.dumps(data).encode()


class RawClient:
    """The server as a subprocess; what it writes is parsed into a queue by a reader thread."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "linter", "lsp"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self.received: queue.Queue[dict[str, Any]] = queue.Queue()
        self.errors: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}, 0)
        self.wait_for(lambda m: m.get("id") == 0)
        self.send(frame(message("initialized", {})))

    def _read(self) -> None:
        assert self.process.stdout is not None
        for body in read_messages(self.process.stdout, self.errors.append):
            self.received.put(json.loads(body))

    def send(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def request(self, method: str, params: Any, msg_id: int) -> None:
        self.send(frame(message(method, params, msg_id)))

    def notify(self, method: str, params: Any) -> None:
        self.send(frame(message(method, params)))

    def open(self, uri: str, text: str, version: int = 1, language: str = "json") -> None:
        self.notify("textDocument/didOpen", {
            "textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}
        })

    def wait_for(self, wanted: Any, timeout: float = 20.0) -> dict[str, Any]:
        """The first message (skipping others) for which ``wanted(message)`` holds."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no such message within {timeout} s")
            try:
                received = self.received.get(timeout=remaining)
            except queue.Empty:
                continue
            if wanted(received):
                return received

    def close(self) -> str:
        """Shut the server down; its standard error."""
        if self.process.poll() is None:
            self.request("shutdown", None, 999_999)
            self.notify("exit", None)
            assert self.process.stdin is not None
            self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        assert self.process.stderr is not None
        return self.process.stderr.read().decode("utf-8", "replace")
