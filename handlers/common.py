"""What every handler needs: the service, the user's language, and safe replies."""

from telegram import Update
from telegram.ext import ContextTypes

from bot.questions.language import detect_language
from bot.service import DisclosureService

Context = ContextTypes.DEFAULT_TYPE
SERVICE_KEY = "service"


def service_of(context: Context) -> DisclosureService:
    """The core service opened in ``post_init``."""
    service = context.bot_data[SERVICE_KEY]
    assert isinstance(service, DisclosureService)
    return service


def language_of(update: Update, text: str = "") -> str:
    """The reply language: the question's, else the user's Telegram language, else English."""
    user = update.effective_user
    fallback = "zh" if user and (user.language_code or "").startswith("zh") else "en"
    return detect_language(text, default=fallback) if text else fallback
