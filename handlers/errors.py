"""The one error handler: log with the update id, tell the user something went wrong."""

import logging

from telegram import Update
from telegram.error import BadRequest, TimedOut

from bot.errors import StoreError
from bot.texts import chat_text, en, zh
from handlers.common import Context, language_of

log = logging.getLogger("disclosure_bot.errors")

_SORRY = {"en": en.SORRY, "zh": zh.SORRY}
_STORE = {"en": en.STORE_DOWN, "zh": zh.STORE_DOWN}


async def on_error(update: object, context: Context) -> None:
    """Log the error (never the token or the message text) and apologise to the user."""
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(context.error, TimedOut):
        # the reply may well have arrived: an apology on top would be a second, wrong message
        log.warning("Telegram did not answer in time for update %s", update_id)
        return
    log.error("error handling update %s", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            sorry = _STORE if isinstance(context.error, StoreError) else _SORRY
            await context.bot.send_message(update.effective_chat.id, sorry[language_of(update)])
        except Exception:  # the failure may be the connection itself: logging it is enough
            log.warning("could not tell update %s about the error", update_id)


async def expired_button(update: Update, context: Context) -> None:
    """A button whose object the bot no longer keeps (its decision was made, the bot
    restarted, or the button is old): the one answer for every kind of button, and the dead
    buttons taken off the message."""
    query = update.callback_query
    if query is None:
        return
    await query.answer(chat_text(language_of(update, context), "expired"))
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest as error:  # gone already, or the message is too old to edit
        log.debug("expired buttons left on a message: %s", error.message)
