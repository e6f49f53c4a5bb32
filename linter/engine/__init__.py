"""Rules and how they run: declaration, registry, selection, the per-document engine, rule pages."""
