"""/start and /help."""

from telegram import Update

from bot.answers.help import help_text
from bot.answers.replies import help_answer
from handlers.common import Context, language_of, service_of


async def start(update: Update, context: Context) -> None:
    """Greet, say what the bot answers, give an example."""
    if update.effective_message is None:
        return
    answer = help_answer(service_of(context), language_of(update))
    await update.effective_message.reply_text(answer.text)


async def help_command(update: Update, context: Context) -> None:
    """What the bot answers, examples and the fields it knows."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(help_text(service_of(context), language_of(update)))
