"""The system edges: where supple meets the machine (folders, sound, reminders…); never the TUI.

Folders and programs found, sound and speech, reminders (timers, the desktop notification, the
outside-command runner), the browser mode and crash reports. import-linter holds the rule
(pyproject.toml): nothing here imports supple.tui or supple.cli.
"""
