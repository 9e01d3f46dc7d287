"""A fake Telegram Bot API server (standard library only) for end-to-end tests of the bot.

    with FakeTelegram() as fake:
        app = ApplicationBuilder().token(fake.token).base_url(fake.base_url)
              .base_file_url(fake.base_file_url).build()
        ...  # start the app and poll, then:
        fake.mark()
        fake.send_text("/start")
        [call] = await fake.await_for("sendMessage", chat_id=4242)
        fake.press_button(fake.last_message(4242), "yes")

It behaves like Telegram where bots commonly trip: "message is not modified", edits without
reply_markup drop the keyboard, callback_data over 64 bytes, bad HTML/MarkdownV2, 403 after a
my_chat_member "kicked", ChatMigrated after migrate_to_chat_id, allowed_updates filtering.
"""

from ._fake import FakeTelegram
from ._wire import Call, FilePart, JSONDict

__all__ = ["Call", "FakeTelegram", "FilePart", "JSONDict"]
