"""Checking many files: discovery, reading with limits, workers, and the run's results."""
