"""The process entry point (``disclosure-bot``, ``python -m bot``): the command line, with
the garbage collector paused while the libraries load.

Start-up imports some hundred thousand objects that live as long as the process; collecting
while they are made finds nothing and cost a tenth of the bot's start-up. Once loaded they
are set aside for good (``gc.freeze``): later collections do not walk them either.
"""

import gc


def main() -> None:
    """Load the command line with collection paused, then run it."""
    gc.disable()
    try:
        from bot.cli.main import main as run_command  # noqa: PLC0415  (the point: after disable)
    finally:
        gc.freeze()
        gc.enable()
    run_command()
