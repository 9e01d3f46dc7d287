"""What every handler needs: the service and config, the user's language, who may do what."""

from telegram import CallbackQuery, Chat, Update
from telegram.ext import ContextTypes

from bot.config import Config
from bot.questions.language import detect_language
from bot.service.core import DisclosureService
from handlers.texts import chat_text

Context = ContextTypes.DEFAULT_TYPE
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


def language_of(update: Update, context: Context | None = None, text: str = "") -> str:
    """The reply language: the user's /lang choice, else the question's, else Telegram's."""
    if context is not None and context.user_data and context.user_data.get(LANG_KEY):
        return str(context.user_data[LANG_KEY])  # "/lang zh" promised: "我将用中文回答。"
    user = update.effective_user
    fallback = "zh" if user and (user.language_code or "").startswith("zh") else "en"
    return detect_language(text, default=fallback) if text else fallback


def is_admin(update: Update, context: Context) -> bool:
    """True when the user may add, replace or delete reports."""
    user = update.effective_user
    return user is not None and user.id in config_of(context).access.admins


async def admin_press(
    update: Update, context: Context, fields: int
) -> tuple[CallbackQuery, list[str], str] | None:
    """An administrator's button press: the query, the fields of its data (padded with empty
    strings to ``fields``) and the reply language. Anyone else gets an alert and ``None``:
    button data can be forged, so every admin button checks again."""
    query = update.callback_query
    if query is None or query.data is None:
        return None
    lang = language_of(update, context)
    if not is_admin(update, context):
        await query.answer(chat_text(lang, "not_admin"), show_alert=True)
        return None
    return query, [*query.data.split(":"), *[""] * fields][:fields], lang


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
