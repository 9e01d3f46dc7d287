"""The "which one?" window at its edge: candidates for one name scoring within 2 points of the
best are asked about; one just outside is not, and the best is answered. The scores are
literal: a window narrowed (to 0) or widened fails here."""

import pytest

from bot.agencies.entries import Found, Hit, Mention
from bot.answers.answer import Answer, AnswerKind
from bot.answers.naming import Settled, settle
from bot.records import AgencyRecord
from bot.service.core import DisclosureService
from bot.texts import Language

XIGONG = AgencyRecord(1, "汉屯路街道办事处", "西工区", "洛阳市", "河南省", "township")
LAOCHENG = AgencyRecord(7, "汉屯路街道办事处", "老城区", "洛阳市", "河南省", "township")
TEXT = "汉屯路 2023 年收到多少申请"


def hit(agency: AgencyRecord, score: float) -> Hit:
    return Hit(score, "汉屯路", 0, 3, "exact", typed="汉屯路", agency=agency, coverage=3)


def settled(service: DisclosureService, second: float) -> Settled | Answer:
    mention = Mention(0, 3, "汉屯路", (hit(XIGONG, 10.0), hit(LAOCHENG, second)))
    return settle(service, Found(agencies=(mention,)), TEXT, Language.ZH)


@pytest.mark.parametrize("second", [10.0, 9.0, 8.0])
def test_a_rival_within_the_window_is_asked_about(
    service: DisclosureService, second: float
) -> None:
    result = settled(service, second)
    assert isinstance(result, Answer) and result.kind is AnswerKind.CHOOSE_AGENCY
    assert [c.agency_id for c in result.choices] == [1, 7]


@pytest.mark.parametrize("second", [7.99, 6.0, 0.0])
def test_a_candidate_outside_the_window_leaves_the_best(
    service: DisclosureService, second: float
) -> None:
    result = settled(service, second)
    assert isinstance(result, Settled) and result.entries == [XIGONG]
