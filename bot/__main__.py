"""``python -m bot``: the command line."""

from bot.cli.launch import main

main()
