"""Shared fixtures: a fresh store per test, the fake Bot API, the real Application over HTTP."""

import asyncio
import json
import os
import traceback
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

# PTB 22 warns when it builds RetryAfter unless told to use timedeltas; warnings are errors here.
os.environ.setdefault("PTB_TIMEDELTA", "1")

import pytest
import sqlalchemy as sa
from fake_telegram import FakeTelegram
from hypothesis import settings

import handlers
from bot.config import Config, Secret, StoreConfig, TelegramConfig
from bot.records import IngestStatus
from bot.service.core import DisclosureService
from handlers.app import BotApp, build_application, post_shutdown
from store import open_database

# CI runs the property tests on a fixed sequence of examples (a landing is never decided by
# chance); `make test` explores new ones each run, and what it finds is pinned with @example.
settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = FIXTURES / "reports"
GOLD = FIXTURES / "gold"
SHANGHAI = ZoneInfo("Asia/Shanghai")
SEED = REPORTS / "000_hantunlu_2023.txt"  # every cell 0
# distinct, non-zero figures (3,119 new applications; 351 reconsiderations …): the chat
# tests ask about it, so that a wrong row or column reads another number, not the same 0
HUAIAN = REPORTS / "003_huaianshi_2024.txt"


def gold(name: str) -> dict[str, Any]:
    """Expected figures of a fixture report, typed by reading the report (shared/gold)."""
    data: dict[str, Any] = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return data


def fixed_now() -> datetime:
    return datetime(2024, 5, 1, 10, 0, tzinfo=SHANGHAI)


# Store and answer tests (marked ``backends``) run on SQLite and on PostgreSQL when
# DISCLOSURE_BOT_TEST_PG_URL names a server (.ci/postgres starts one and prints it).
PG_URL = os.environ.get("DISCLOSURE_BOT_TEST_PG_URL", "")
# CI sets this: there, a run in which the PostgreSQL variants would skip is a failed run.
REQUIRE_PG = os.environ.get("DISCLOSURE_BOT_REQUIRE_POSTGRES") == "1"


def pytest_configure(config: pytest.Config) -> None:
    if REQUIRE_PG and not PG_URL:
        raise pytest.UsageError(
            "DISCLOSURE_BOT_REQUIRE_POSTGRES=1 but DISCLOSURE_BOT_TEST_PG_URL is not set: the "
            "PostgreSQL variants would be skipped (is the server installed and started?)"
        )


BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not PG_URL, reason="DISCLOSURE_BOT_TEST_PG_URL is not set"),
    ),
]


# Tests that start the bot, a process or the fake Bot API: in a mutation run (make mutate)
# the quick ones go first, so that a mutant is caught by its first failing test sooner.
_SLOW = ("test_telegram_", "test_bot_e2e", "test_reminders_e2e", "test_hostile_time")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.environ.get("MUTANT_UNDER_TEST"):  # set by mutmut only
        items.sort(key=lambda item: item.path.name.startswith(_SLOW))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="module")


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    name: str = getattr(request, "param", "sqlite")
    return name


@contextmanager
def store_url(backend: str, folder: Path) -> Iterator[str]:
    """A new, empty store: a SQLite file in ``folder``, or a schema of its own on PostgreSQL."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'test.db'}"
        return
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with store_url(backend, tmp_path) as url:
        yield url


HANDLERS = Path(handlers.__file__).parent


class LoopGuard:
    """Records every SQL statement the chat's handlers run on the event loop's thread (where
    a slow query would hold up every chat): handlers must call the service off the loop."""

    def __init__(self) -> None:
        self.on_loop: list[str] = []

    def check(self, _conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # a worker thread, or a synchronous caller: fine
        called_from = [
            f for f in traceback.extract_stack() if Path(f.filename).is_relative_to(HANDLERS)
        ]
        if called_from:
            where = f"{Path(called_from[-1].filename).name}:{called_from[-1].lineno}"
            self.on_loop.append(f"{where} {sql.split(maxsplit=1)[0]}")


@pytest.fixture
def service(db_url: str) -> Iterator[DisclosureService]:
    """A service on a new store; fails the test if a handler reached the store on the loop."""
    guard = LoopGuard()
    with DisclosureService(
        open_database(db_url), timezone=SHANGHAI, max_file_bytes=20 << 20
    ) as svc:
        sa.event.listen(svc.db.engine, "before_cursor_execute", guard.check)
        yield svc
    assert not guard.on_loop, f"store calls on the event loop: {guard.on_loop}"


@pytest.fixture
def seeded(service: DisclosureService) -> DisclosureService:
    result = service.ingest_bytes(SEED.name, SEED.read_bytes(), now=fixed_now())
    assert result.status is IngestStatus.INDEXED, result
    return service


@pytest.fixture
def chat_seeded(seeded: DisclosureService) -> DisclosureService:
    """The seeded store and the Huai'an 2024 report: the store the chat tests talk to."""
    result = seeded.ingest_bytes(HUAIAN.name, HUAIAN.read_bytes(), now=fixed_now())
    assert result.status is IngestStatus.INDEXED, result
    return seeded


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


@asynccontextmanager
async def running_app(config: Config, service: DisclosureService) -> AsyncIterator[BotApp]:
    """The real Application built from ``config``, polling the fake Bot API over HTTP as
    ``run_polling`` would run it, stopped and shut down (the service closed) on leaving."""
    app = build_application(config, service=service)
    async with app:
        await app.post_init(app)  # type: ignore[misc]  # run_polling would call it
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0)
        try:
            yield app
        finally:  # a test may have stopped it already (a restart, a crash)
            if app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            await post_shutdown(app)


@pytest.fixture
async def bot_app(
    fake_tg: FakeTelegram, chat_seeded: DisclosureService, db_url: str
) -> AsyncIterator[BotApp]:
    """The real Application, polling the fake Bot API over HTTP, on the chat tests' store."""
    async with running_app(bot_config(fake_tg, db_url), chat_seeded) as app:
        yield app
