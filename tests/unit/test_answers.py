"""Answers through the core service: the same text the chat, the console and ``ask`` give."""

from typing import Any, cast

import pytest
from conftest import SEED, fixed_now

from bot.service.core import DisclosureService

pytestmark = pytest.mark.backends


def ask(service: DisclosureService, question: str) -> dict[str, object]:
    return service.ask(question, now=fixed_now()).to_json()


def test_english_question_about_hantun_road(seeded: DisclosureService) -> None:
    answer = ask(seeded, "how many applications did Hantun Road receive in 2023")
    assert answer["agency"] == "汉屯路街道办事处"
    assert (answer["year"], answer["key"], answer["value"]) == (2023, "applications.new.total", 0)
    text = answer["answer"]
    assert isinstance(text, str)
    assert "汉屯路街道办事处" in text and "2023" in text
    assert "0 applications" in text
    assert "000_hantunlu_2023.txt" in text
    assert "section 三" in text
    assert "一、本年新收政府信息公开申请数量" in text  # the row label as printed


def test_chinese_question_about_hantun_road(seeded: DisclosureService) -> None:
    answer = ask(seeded, "汉屯路街道2023年收到多少政府信息公开申请")
    assert (answer["agency"], answer["year"], answer["key"], answer["value"]) == (
        "汉屯路街道办事处",
        2023,
        "applications.new.total",
        0,
    )
    text = str(answer["answer"])
    assert "0 件" in text and "第三部分" in text and "一、本年新收政府信息公开申请数量" in text
    assert answer["language"] == "zh"


def test_no_year_means_latest_and_says_so(seeded: DisclosureService) -> None:
    answer = ask(seeded, "Hantun Road lawsuits")
    assert answer["year"] == 2023 and answer["key"] == "litigation.total"
    assert "latest indexed year" in str(answer["answer"])


def test_year_not_indexed_names_what_is(seeded: DisclosureService) -> None:
    answer = ask(seeded, "how many applications did Hantun Road receive in 2021")
    assert answer["kind"] == "not_indexed" and "value" not in answer
    assert "2021" in str(answer["answer"]) and "Indexed years: 2023" in str(answer["answer"])


def test_unknown_agency_names_what_is_indexed(seeded: DisclosureService) -> None:
    answer = ask(seeded, "how many applications did Springfield receive in 2023")
    assert answer["kind"] == "not_indexed" and "agency" not in answer
    assert "汉屯路街道办事处" in str(answer["answer"])


def test_nonsense_gets_help_with_example(seeded: DisclosureService) -> None:
    for question in ("", "???", "qwrtp"):
        answer = ask(seeded, question)
        assert answer["kind"] == "help"
        assert "Hantun Road" in str(answer["answer"])  # an example about a real agency


def test_derived_sum_and_summary(seeded: DisclosureService) -> None:
    refused = ask(seeded, "how many requests did Hantun Road refuse in 2023")
    assert refused["key"] == "applications.outcome.withheld.total" and refused["value"] == 0
    summary = ask(seeded, "汉屯路 2023")
    assert summary["kind"] == "summary" and "行政诉讼总数" in str(summary["answer"])


def test_a_name_typed_wrong_is_asked_about_not_answered(seeded: DisclosureService) -> None:
    answer = ask(seeded, "Hamtun Road 2023 applications")
    assert answer["kind"] == "choose_agency" and "value" not in answer
    assert "Did you mean 汉屯路街道办事处" in str(answer["answer"])
    (choice,) = cast(list[dict[str, Any]], answer["choices"])
    picked = seeded.ask(
        "Hamtun Road 2023 applications", now=fixed_now(), agency_id=choice["agency_id"]
    )
    assert (picked.agency, picked.key) == ("汉屯路街道办事处", "applications.new.total")


def test_a_namesakes_answer_names_its_district(seeded: DisclosureService) -> None:
    namesake = SEED.read_text(encoding="utf-8").replace("西工区汉屯路", "老城区汉屯路")
    assert seeded.ingest_bytes("laocheng.txt", namesake.encode(), now=fixed_now()).status == (
        "indexed"
    )
    choose = ask(seeded, "汉屯路 2023 新收申请")
    assert choose["kind"] == "choose_agency"
    choices = choose["choices"]
    assert isinstance(choices, list)
    for choice in choices:
        answer = seeded.ask("汉屯路 2023 新收申请", now=fixed_now(), agency_id=choice["agency_id"])
        district = "老城区" if "老城区" in choice["label"] else "西工区"
        assert answer.text.startswith(f"汉屯路街道办事处（{district}） 2023年"), answer.text
