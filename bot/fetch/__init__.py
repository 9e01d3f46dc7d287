"""Fetching reports by link and watching portals: a safe web client, and what pages hold.

Pure of Telegram and of the store: the service, the CLI and the chat wire it in.
"""
