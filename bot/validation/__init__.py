"""Checking a report's figures against the arithmetic rules (勾稽关系) of the spec."""

from bot.validation.rules import check_report, check_rules, compare_with_previous

__all__ = ["check_report", "check_rules", "compare_with_previous"]
