"""supple's Textual app: screens that render core state and send commands to it."""
