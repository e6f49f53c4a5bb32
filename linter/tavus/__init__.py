"""What persona-lint knows about the Tavus API: revisions, facts, the persona view, tools, prompts, secrets."""
