"""What the bot never does, whatever it is sent: log the token or a user's words at INFO,
turn an uploaded file's name into a path, or build SQL from strings."""

import logging
import re
from pathlib import Path

import pytest
from telegram_helpers import ADMIN, RecordingTelegram, buttons, press, send_file, text_of

from bot.service.core import DisclosureService
from handlers.app import BotApp

pytest_plugins = ("telegram_helpers",)

ROOT = Path(__file__).parents[2]
SEED = ROOT / "tests" / "fixtures" / "reports" / "000_hantunlu_2023.txt"


async def test_no_token_or_words_in_the_logs_at_info(
    bot: BotApp, tg: RecordingTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    secret_question = "Hantun Road 2023 applications zebra-umbrella"
    with caplog.at_level(logging.DEBUG):
        tg.mark()
        tg.send_text(secret_question, user_id=4343, chat_id=4343, first_name="Privatus")
        await tg.await_for("sendMessage", chat_id=4343)
        await send_file(tg, SEED.read_bytes(), "000_hantunlu_2023.txt", user_id=ADMIN)
    shown = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    debug = [r.getMessage() for r in caplog.records if r.levelno < logging.INFO]
    assert any("zebra-umbrella" in m for m in debug), "the check below would prove nothing"
    for message in shown:
        assert tg.token not in message and tg.token.split(":")[1] not in message
        assert "zebra-umbrella" not in message and "Privatus" not in message


async def test_an_uploaded_file_name_never_becomes_a_path(
    bot: BotApp, tg: RecordingTelegram, seeded: DisclosureService, tmp_path: Path
) -> None:
    name = "../../../tmp/evil/../000_hantunlu_2023.txt"
    content = SEED.read_text(encoding="utf-8").replace("汉屯路", "新华路").encode()
    preview = await send_file(tg, content, name, user_id=ADMIN)
    done = await press(
        tg, preview, buttons(preview)["Index"], user_id=ADMIN, method="editMessageText"
    )
    assert text_of(done).startswith("Indexed: ")
    stored = [seeded.report(e.id, 2023) for e in seeded.agency_index().entries.values()]
    assert {r.source_name for r in stored if r} == {"000_hantunlu_2023.txt"}
    assert not Path("/tmp/evil").exists()


def test_no_sql_is_built_from_strings() -> None:
    # every statement is SQLAlchemy Core or ORM with bound parameters; literal SQL only as
    # constants (PRAGMAs, the version row), never formatted with values
    formatted = re.compile(r"""(text|exec_driver_sql|execute)\(\s*f["']""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("bot", "handlers", "store")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if formatted.search(line) or re.search(r"""["'](SELECT|INSERT|UPDATE|DELETE) .*%s""", line)
    ]
    assert offenders == []
