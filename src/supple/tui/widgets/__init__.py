"""Reusable widgets: the breath pacer and the session's exercise list."""
