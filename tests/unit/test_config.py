"""Settings: defaults, file, environment overrides, and one clear line per bad value."""

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from bot.config import ENV_CONFIG, Secret, TelegramConfig, load_config
from bot.config.example import render_example
from bot.config.sections import SECTIONS
from bot.errors import ConfigError

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "config.example.toml"


def test_defaults_without_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(None, {})
    assert config.path is None
    assert not config.telegram.token
    assert config.telegram.base_url == "https://api.telegram.org/bot"
    assert config.reminders.timezone.key == "Asia/Shanghai"
    assert [(d.month, d.day) for d in config.reminders.deadlines] == [(1, 31), (3, 31)]


def test_example_file_is_written_from_the_declarations() -> None:
    """config.example.toml documents every declared setting with its default and help: it is
    exactly what the declarations write, and it loads."""
    assert EXAMPLE.read_text(encoding="utf-8") == render_example(), (
        "config.example.toml is stale: run `python -m bot.config.example > config.example.toml`"
    )
    config = load_config(EXAMPLE, {})
    text = EXAMPLE.read_text(encoding="utf-8")
    for name, kind in SECTIONS.items():
        assert f"[{name}]" in text
        for item in fields(kind):
            assert f"{item.name} =" in text or f"[[{name}.{item.name}]]" in text, item.name
    assert config.telegram == TelegramConfig()


def _section_aliases(tree: ast.AST, section: str, kind: type) -> set[str]:
    """Names and attributes that hold a section in a module: ``access = config.access``,
    ``settings: RemindersConfig``, ``self.reminders``."""
    names = {section}
    for node in ast.walk(tree):
        value = node.value if isinstance(node, ast.Assign) else None
        if isinstance(value, ast.Attribute) and value.attr == section:
            assert isinstance(node, ast.Assign)
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        annotation = getattr(node, "annotation", None)
        if (
            isinstance(node, ast.arg | ast.AnnAssign)
            and annotation is not None
            and (kind.__name__ in ast.unparse(annotation))
        ):
            target = node.arg if isinstance(node, ast.arg) else ast.unparse(node.target)
            names.add(target.split(".")[-1])
    return names


def _reads(section: str, kind: type) -> set[str]:
    """The settings of ``section`` that some module outside bot/config reads."""
    read: set[str] = set()
    for path in [
        *ROOT.glob("bot/**/*.py"),
        *ROOT.glob("handlers/**/*.py"),
        *ROOT.glob("store/**/*.py"),
    ]:
        if "config" in path.relative_to(ROOT).parts[:2]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        holders = _section_aliases(tree, section, kind)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                owner = node.value
                held = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
                if held in holders:
                    read.add(node.attr)
    return read


@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_every_documented_setting_is_read_somewhere(section: str) -> None:
    """A setting the example documents but no code reads would be a promise the bot breaks
    (e.g. a reminder time that is validated and then ignored)."""
    kind = SECTIONS[section]
    unread = {item.name for item in fields(kind)} - _reads(section, kind)
    assert not unread, f"[{section}] documents settings no code reads: {sorted(unread)}"


def test_environment_overrides(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[telegram]\ntoken = "1:file"\n[store]\nurl = "sqlite:///file.db"\n')
    env = {
        "TELEGRAM_BOT_TOKEN": "2:env",
        "DISCLOSURE_BOT_DB_URL": "sqlite:///env.db",
        "TELEGRAM_BASE_URL": "http://127.0.0.1:9/bot",
        "TELEGRAM_BASE_FILE_URL": "http://127.0.0.1:9/file/bot",
    }
    config = load_config(path, env)
    assert config.telegram.token.reveal() == "2:env"
    assert config.store.url == "sqlite:///env.db"
    assert config.telegram.base_url == "http://127.0.0.1:9/bot"
    assert config.telegram.base_file_url == "http://127.0.0.1:9/file/bot"


def test_file_from_environment_variable(tmp_path: Path) -> None:
    path = tmp_path / "env.toml"
    path.write_text("[access]\nadmins = [42]\n")
    assert load_config(None, {ENV_CONFIG: str(path)}).access.admins == frozenset({42})


def test_config_toml_in_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.toml").write_text('[store]\nurl = "sqlite:///here.db"\n')
    assert load_config(None, {}).store.url == "sqlite:///here.db"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[telegram]\nmode = "push"', "telegram.mode: must be 'polling' or 'webhook'"),
        ("[telegram]\nmax_file_mb = 0", "telegram.max_file_mb"),
        ("[telegram]\nparse_seconds = 0", "telegram.parse_seconds: must be between 1 and 3600"),
        ('[telegram]\nbase_url = "ftp://x"', "telegram.base_url"),
        ("[telegram]\ntokn = 1", "telegram.tokn: unknown setting"),
        ('[store]\nurl = "data.db"', "store.url: not a database URL"),
        ('[reminders]\ntimezone = "Mars/Base"', "reminders.timezone: unknown time zone"),
        ('[reminders]\ntime = "9 am"', "reminders.time: must be HH:MM"),
        ("[reminders]\ndays_before = [-1]", "reminders.days_before"),
        (
            '[[reminders.deadlines]]\nname = "x"\nmonth = 2\nday = 30',
            r"reminders.deadlines\[0\]: 2-30 is not a date",
        ),
        ('[access]\nadmins = ["me"]', "access.admins: must be a list of numeric"),
        ('[access]\npublic = "yes"', "access.public: must be bool"),
        ("[telegram", "not valid TOML"),
    ],
)
def test_bad_values_name_the_setting(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load_config(path, {})


def test_token_is_never_shown() -> None:
    config = load_config(None, {"TELEGRAM_BOT_TOKEN": "123456:SECRET-VALUE"})
    assert "SECRET-VALUE" not in repr(config)
    assert "SECRET-VALUE" not in str(config.telegram)
    assert repr(Secret("x:y")) == "Secret('***')"


def test_bad_token_message_does_not_echo_it() -> None:
    with pytest.raises(ConfigError) as info:
        load_config(None, {"TELEGRAM_BOT_TOKEN": "not a token"})
    assert "not a token" not in str(info.value)


def test_the_service_reads_files_with_the_configured_limits(tmp_path: Path) -> None:
    from bot.service.core import open_service

    toml = tmp_path / "config.toml"
    url = f"sqlite:///{tmp_path / 'x.db'}"
    toml.write_text(f'[telegram]\nmax_file_mb = 3\nparse_seconds = 7.5\n[store]\nurl = "{url}"\n')
    service = open_service(load_config(toml, {}))
    try:
        assert service.max_file_bytes == 3 * 1024 * 1024
        assert service.parse_seconds == 7.5
    finally:
        service.db.close()
