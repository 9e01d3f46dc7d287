"""Updates of different chats at once, those of one chat in the order they came.

python-telegram-bot handles updates concurrently when asked to, in any order: a button
pressed right after a message could then be handled before the message that showed it (a
/subscribe conversation would not have its state yet), and two questions sent in a row could
be answered the other way round. Here every chat gets a lock, taken in arrival order, before
a slot among the updates handled at once.
"""

import asyncio
from collections.abc import Awaitable
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import Any
from weakref import WeakValueDictionary

from telegram import Update
from telegram.ext import BaseUpdateProcessor

#: Updates waiting for their chat or for a slot, at most (past it, fetching waits).
QUEUED = 1024


class ChatOrderedUpdateProcessor(BaseUpdateProcessor):
    """At most ``concurrent`` updates handled at once; one chat's one after another."""

    def __init__(self, concurrent: int) -> None:
        # the base class's semaphore bounds what waits; the slots below bound what runs, and
        # are taken only once the chat's turn has come, so that one busy chat (a user sending
        # ten questions) holds one slot, not ten
        super().__init__(QUEUED)
        self._slots = asyncio.BoundedSemaphore(concurrent)
        self._chats: WeakValueDictionary[int, asyncio.Lock] = WeakValueDictionary()

    def _turn(self, update: object) -> AbstractAsyncContextManager[Any]:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:  # inline queries, and buttons under inline messages
            return nullcontext()
        lock = self._chats.get(chat.id)
        if lock is None:  # held by the waiters' frames, let go of when none is left
            lock = self._chats[chat.id] = asyncio.Lock()
        return lock

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's turn, then for a slot, then handle the update."""
        async with self._turn(update), self._slots:
            await coroutine

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""
