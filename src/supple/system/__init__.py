"""The system edges: where supple meets the machine (folders, programs, sound, speech, reminders, the browser mode, crash reports). Never imports the TUI."""
