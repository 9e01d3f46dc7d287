"""Deadline reminders: what is due when (pure functions of ``now``), and what to say."""
