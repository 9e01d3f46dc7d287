"""Questions of any length and content get a short, plain reply: no exception, no echo of a
whole pasted document, nothing Telegram would read as formatting."""

from datetime import datetime

from conftest import SHANGHAI
from fake_telegram import FakeTelegram
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.service.core import DisclosureService
from handlers.app import BotApp
from handlers.sending import fit

NOW = datetime(2024, 5, 1, 10, tzinfo=SHANGHAI)
LIMIT = 4096  # Telegram's longest message
MARKUP = ["<b>x</b>", "*bold*", "_it_", "`code`", "[a](http://x)", "<script>", "&amp;", "\\"]
WORDS = [
    "汉屯路",
    "Hantun",
    "2023",
    "申请",
    "applications",
    "去年",
    "排名",
    "对比",
    "趋势",
    "平潭",
]

texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1000, max_size=6000),
    st.lists(st.sampled_from(WORDS + MARKUP + ["\x00", "\u202e", "\n", " "]), max_size=60).map(
        "".join
    ),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question=texts)
@example(question="汉屯路" * 3000)
@example(question="\x00\x01\x02")
@example(question="<b>汉屯路</b> 2023 *申请*")
@example(question="")
def test_any_question_gets_a_short_plain_reply(seeded: DisclosureService, question: str) -> None:
    answer = seeded.ask(question, now=NOW)
    assert answer.text.strip()
    assert len(answer.text.encode("utf-16-le")) // 2 <= LIMIT
    assert "\x00" not in answer.text


def test_fit_keeps_a_message_within_telegram_limit() -> None:
    assert fit("汉屯路") == "汉屯路"
    long = "汉" * 5000 + "😀" * 10
    assert len(fit(long).encode("utf-16-le")) // 2 == LIMIT and fit(long).endswith("…")


async def test_markup_in_a_question_is_never_formatting(
    bot_app: BotApp, fake_tg: FakeTelegram
) -> None:
    question = "<b>Hantun Road</b> *2023* `applications`"
    fake_tg.mark()
    fake_tg.send_text(question)
    (reply,) = await fake_tg.await_for("sendMessage")
    assert "parse_mode" not in reply.params and "entities" not in reply.params
    assert reply.params["text"].startswith("汉屯路街道办事处")
    fake_tg.mark()
    fake_tg.send_text("x" * 4000 + "\x00<i>")  # a pasted wall of text
    (reply,) = await fake_tg.await_for("sendMessage")
    assert len(reply.params["text"]) < 600 and "\x00" not in reply.params["text"]
