"""supple's domain: routines, timelines, breathing, sessions, history. Pure Python, no Textual."""
