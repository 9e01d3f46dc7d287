"""The chat's words, one module per language: ``en`` and ``zh``."""
