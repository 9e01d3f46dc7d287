"""Answering questions about indexed reports."""

from bot.answers.answer import Answer, Choice, Source
from bot.answers.engine import answer_question, parse_question
from bot.answers.library import Library

__all__ = ["Answer", "Choice", "Library", "Source", "answer_question", "parse_question"]
