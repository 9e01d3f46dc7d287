"""What every handler needs: the service and config, the user's language, who may do what."""

from contextlib import suppress
from typing import TypeVar

from telegram import CallbackQuery, Chat, Update
from telegram.ext import ContextTypes

from bot.config import Config
from bot.questions.language import detect_language
from bot.service.core import DisclosureService
from bot.texts import Language, chat_text

Context = ContextTypes.DEFAULT_TYPE
Data = TypeVar("Data")
SERVICE_KEY = "service"
CONFIG_KEY = "config"
LANG_KEY = "lang"


def service_of(context: Context) -> DisclosureService:
    """The core service opened in ``post_init``."""
    service = context.bot_data[SERVICE_KEY]
    assert isinstance(service, DisclosureService)
    return service


def config_of(context: Context) -> Config:
    """The settings the bot was built with."""
    config = context.bot_data[CONFIG_KEY]
    assert isinstance(config, Config)
    return config


def language_of(update: Update, context: Context | None = None, text: str = "") -> Language:
    """The reply language: the user's /lang choice, else the question's, else Telegram's."""
    if context is not None and context.user_data and context.user_data.get(LANG_KEY):
        return Language.of(str(context.user_data[LANG_KEY]))  # "/lang zh": "我将用中文回答。"
    user = update.effective_user
    fallback = Language.of(user.language_code if user else None)
    return detect_language(text, default=fallback) if text else fallback


def is_admin(update: Update, context: Context) -> bool:
    """True when the user may add, replace or delete reports."""
    user = update.effective_user
    return user is not None and user.id in config_of(context).access.admins


def pressed(update: Update, kind: type[Data]) -> tuple[CallbackQuery, Data] | None:
    """The button press and the object its button stands for (``handlers.buttons``), when
    the button is of ``kind``."""
    query = update.callback_query
    data: object = query.data if query is not None else None
    if query is None or not isinstance(data, kind):
        return None
    return query, data


async def admin_pressed(
    update: Update, context: Context, kind: type[Data]
) -> tuple[CallbackQuery, Data, Language] | None:
    """An administrator's press of a button of ``kind``: the query, the button's object and
    the reply language. Anyone else gets an alert and ``None``: everyone in a group sees the
    buttons, so every button that changes the store checks who pressed it."""
    if (press := pressed(update, kind)) is None:
        return None
    query, data = press
    lang = language_of(update, context)
    if not is_admin(update, context):
        await query.answer(chat_text(lang, "not_admin"), show_alert=True)
        return None
    return query, data, lang


def forget_buttons(context: Context, query: CallbackQuery) -> None:
    """Let go of the objects behind a keyboard whose decision is made: pressed again, its
    buttons answer "expired" instead of doing it twice."""
    with suppress(KeyError):  # not kept any more: nothing to let go of
        context.drop_callback_data(query)


def is_allowed(update: Update, context: Context) -> bool:
    """True when the bot is public, or the user or chat is on the allowlist (admins always)."""
    access = config_of(context).access
    if access.public or is_admin(update, context):
        return True
    user, chat = update.effective_user, update.effective_chat
    return bool(
        (user and user.id in access.allowed_users) or (chat and chat.id in access.allowed_chats)
    )


def is_private(update: Update) -> bool:
    """True in a one-to-one chat with the bot."""
    return update.effective_chat is not None and update.effective_chat.type == Chat.PRIVATE


def words(text: str | None) -> str:
    """A command's argument text (after the command itself)."""
    if not text:
        return ""
    parts = text.split(maxsplit=1)
    if parts[0].startswith("/"):  # a bare command ("/ask") has no argument text
        return parts[1].strip() if len(parts) > 1 else ""
    return text.strip()
