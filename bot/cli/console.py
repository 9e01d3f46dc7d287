"""A local chat with the bot's answers, for trying it without Telegram."""

from collections.abc import Callable

from bot.answers import Answer
from bot.answers.help import help_text
from bot.service.core import DisclosureService, save_chart
from bot.texts import Language

_QUIT = {"/quit", "/exit", "quit", "exit", "退出"}
_BANNER = (
    "Disclosure Bot console: ask about the indexed reports in Chinese or English.\n"
    "/help for examples, /quit to leave."
)


def run_console(
    service: DisclosureService,
    *,
    read: Callable[[str], str] = input,
    write: Callable[[str], None] = print,
) -> None:
    """Read questions until end of input or /quit; print the same answers as the chat."""
    write(_BANNER)
    pending: tuple[str, Answer] | None = None
    while True:
        try:
            line = read("? ").strip()
        except (EOFError, KeyboardInterrupt):
            write("")
            return
        if line.lower() in _QUIT:
            return
        if not line:
            continue
        if line in {"/help", "/start"}:
            write(help_text(service, Language.EN))
            continue
        answer = _pick(service, pending, line) if pending else None
        if answer is None:
            answer = service.ask(line)
            pending = (line, answer) if answer.choices else None
        else:
            pending = None
        write(answer.text)
        if answer.chart is not None:
            write(f"Chart: {save_chart(answer.chart.png())}")


def _pick(service: DisclosureService, pending: tuple[str, Answer], line: str) -> Answer | None:
    """After "which one?" or "which figure?", a number picks that choice for the question
    asked."""
    question, previous = pending
    if not line.isdigit() or not 1 <= int(line) <= len(previous.choices):
        return None
    choice = previous.choices[int(line) - 1]
    return service.ask(
        question, agency_id=choice.agency_id, key=choice.key, language=previous.language
    )
