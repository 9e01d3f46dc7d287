"""Shared fixtures: a fresh store per test, the fake Bot API, the real Application over HTTP."""

import json
import os
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

# PTB 22 warns when it builds RetryAfter unless told to use timedeltas; warnings are errors here.
os.environ.setdefault("PTB_TIMEDELTA", "1")

import pytest
from fake_telegram import FakeTelegram

from bot.app import BotApp, build_application, post_shutdown
from bot.config import Config, Secret, StoreConfig, TelegramConfig
from bot.service import DisclosureService
from store import open_database

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = FIXTURES / "reports"
GOLD = FIXTURES / "gold"
SHANGHAI = ZoneInfo("Asia/Shanghai")
SEED = REPORTS / "000_hantunlu_2023.txt"


def gold(name: str) -> dict[str, Any]:
    """Expected figures of a fixture report, typed by reading the report (shared/gold)."""
    data: dict[str, Any] = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return data


def fixed_now() -> datetime:
    return datetime(2024, 5, 1, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def service(db_url: str) -> Iterator[DisclosureService]:
    svc = DisclosureService(open_database(db_url), timezone=SHANGHAI, max_file_bytes=20 << 20)
    yield svc
    svc.db.close()


@pytest.fixture
def seeded(service: DisclosureService) -> DisclosureService:
    result = service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now())
    assert result.status == "indexed", result
    return service


@pytest.fixture
def fake_tg() -> Iterator[FakeTelegram]:
    with FakeTelegram() as fake:
        yield fake
        assert not fake.errors, fake.errors


def bot_config(fake: FakeTelegram, db_url: str) -> Config:
    return Config(
        telegram=TelegramConfig(
            token=Secret(fake.token), base_url=fake.base_url, base_file_url=fake.base_file_url
        ),
        store=StoreConfig(url=db_url),
    )


@pytest.fixture
async def bot_app(
    fake_tg: FakeTelegram, seeded: DisclosureService, db_url: str
) -> AsyncIterator[BotApp]:
    """The real Application, polling the fake Bot API over HTTP, on the seeded store."""
    app = build_application(bot_config(fake_tg, db_url), service=seeded)
    async with app:
        await app.post_init(app)  # type: ignore[misc]  # run_polling would call it
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0)
        yield app
        await app.updater.stop()
        await app.stop()
        await post_shutdown(app)
