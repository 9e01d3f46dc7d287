"""Answering questions about indexed reports."""

from bot.answers.engine import answer_question, parse_question
from bot.answers.library import Library
from bot.answers.model import Answer, Choice, Source

__all__ = ["Answer", "Choice", "Library", "Source", "answer_question", "parse_question"]
