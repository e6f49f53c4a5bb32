"""Acting on findings: fixes turned into text edits, applied until nothing changes; migrations."""
