"""Settings: declared once (``sections``), read from a TOML file and the environment
(``load``), documented in ``config.example.toml`` (``example``)."""

from bot.config.load import ENV_CONFIG, find_config_file, load_config
from bot.config.sections import (
    STATUTORY_DEADLINES,
    AccessConfig,
    Config,
    Deadline,
    OnNewReport,
    RemindersConfig,
    Secret,
    StoreConfig,
    TelegramConfig,
    TelegramMode,
    WatchConfig,
)

__all__ = [
    "ENV_CONFIG",
    "STATUTORY_DEADLINES",
    "AccessConfig",
    "Config",
    "Deadline",
    "OnNewReport",
    "RemindersConfig",
    "Secret",
    "StoreConfig",
    "TelegramConfig",
    "TelegramMode",
    "WatchConfig",
    "find_config_file",
    "load_config",
]
