"""Disclosure Bot: reads government information disclosure annual reports and answers questions."""

__version__ = "0.1.0"
