"""Configuration files: discovery, validation and the settings that apply to a path."""
