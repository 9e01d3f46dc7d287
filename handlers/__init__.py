"""Telegram-facing handlers: parse the update, call one core function, reply. Nothing else."""
