"""Fetching reports by link and watching portals: a safe web client, and what pages hold.

Pure of Telegram and of the store; the service, the CLI and the chat wire it in. Import the
modules themselves (this package imports nothing, so that ``import bot.fetch`` costs nothing):

- ``settings``: ``FetchSettings`` (from ``[watch]``, declared in ``bot.config.WatchConfig``)
- ``client``: ``Fetcher`` (``await fetcher.get(url, validators=...) -> Fetched``)
- ``model``: ``Fetched``, ``Validators``
- ``errors``: ``FetchError`` (``.reason``) and its kinds
- ``discovery``: ``discover(url, html) -> Discovery`` (``PageKind``, ``Link``, ``LinkKind``)
- ``charset``: ``decode_page(data, header_charset)``
- ``locate``: ``await locate(fetcher, url) -> FoundReport | FoundListing``
- ``book``: ``WatchBook``, ``PageRecord``, ``CheckStatus`` (the watcher's memory, JSON-able)
- ``schedule``: ``next_check(now, settings)``, ``is_due(last_check, now, settings)``
- ``watch``: ``await watch_round(fetcher, book, settings, now, handle) -> (book, rounds)``
"""
