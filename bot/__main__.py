"""``python -m bot``: the command line."""

from bot.launch import main

main()
