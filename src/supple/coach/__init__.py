"""The coach: the one Textual-free layer the app and the command line talk to (see coach.py)."""
