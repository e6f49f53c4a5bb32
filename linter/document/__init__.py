"""From bytes to a parsed document with positions: decoding, JSON and YAML parsing, lines, pointers."""
