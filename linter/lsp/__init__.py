"""The language server (``persona-lint lsp``): the same findings as ``check``, while typing.

:mod:`linter.lsp.analysis` and :mod:`linter.lsp.positions` hold the logic and need nothing
but persona-lint; only :mod:`linter.lsp.server` imports pygls (the ``lsp`` extra), and only
when the server starts, so ``check`` never pays for it.
"""
