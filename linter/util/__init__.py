"""Small helpers with no knowledge of personas: JSON Pointers, lazy regexes, text scans, atomic writes."""
