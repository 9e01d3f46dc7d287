"""Cutting a section's text into value groups, each with the label text around it.

Works on every text shape the readers and the wild produce: tab- or pipe-separated cells,
space-aligned columns, one number per line, and text flattened with no separators at all
(where neighbouring numbers run together and a row's item number sticks to the digits
before it: ``00000002.其他法律…``).
"""

import re
import unicodedata
from dataclasses import dataclass, field

from bot.parser.caches import memo
from bot.parser.numbers import FOREIGN_NUMBER, NOT_REPORTED_MARKS, THOUSANDS, UNREADABLE_MARK

_FOOTER = re.compile(r"^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d+\s*页.*|\d+\s*/\s*\d+)\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# An item number glued to the label after it: "…00000002.其他法律" → "…0000000 2.其他法律".
_ITEM = re.compile(r"(\d)([.、．])(?=\s*[\u4e00-\u9fff“\"])")
_VALUE = re.compile(r"[+-]?\d+(?:\.\d+)?(?:万元|元)?")
_TOKEN = re.compile(
    r"(?P<item>(?<!\d)\d[.、．](?=\s*[\u4e00-\u9fff“\"]))"
    r"|(?P<value>[+-]?\d+(?:\.\d+)?(?:万元|元)?)"
    r"|(?P<gap>\s{2,}|\t)"
    r"|(?P<space> )"
    r"|(?P<label>[^\s\d+-]+|[+-](?!\d))"
)
# A number in a foreign form standing alone between spaces or line ends.
_FOREIGN_WORD = re.compile(rf"(?<![^\s|])(?:{FOREIGN_NUMBER.pattern})(?![^\s|])")
# An amount printed with its unit after a space (240.5 万元): one cell.
_SPACED_UNIT = re.compile(r"(\d) +(万元|元)(?![\u4e00-\u9fff])")
_CELL_SEP = re.compile(r"\t|\|")
_BAR_ONLY = re.compile(r"^\s*\|\s*$")
# Cells written ' | ' apart (a portal's table as text), the row's first cell unbarred.
_BARRED = re.compile(r"\s\|\s|\s\|$")


@dataclass(slots=True)
class Group:
    """Consecutive value cells with no label between them, and the labels around them.

    ``chunks`` are the pieces of text between separators: a number, several numbers run
    together, or a not-reported mark. ``same_line`` is the label text just before the values
    on their own line; ``before`` and ``after`` the other label text up to the neighbouring
    groups.
    """

    chunks: list[str] = field(default_factory=list)
    same_line: str = ""
    before: str = ""
    after: str = ""
    line: int = 0
    cells: bool = False  # True when the chunks came from separated cells (tabs, pipes)
    width: int = 0  # how many separated cells its line holds (0 for free text)
    glued: bool = False  # True when numbers touch label text: digits may hold several cells

    @property
    def context(self) -> str:
        """All label text that may name this group's row."""
        return f"{self.before} {self.same_line} {self.after}"


def clean_lines(text: str) -> list[str]:
    """NFKC lines without page footers and Markdown table rules."""
    lines = []
    # NFKC maps nothing to a line break, so the whole text normalises at once
    for raw in unicodedata.normalize("NFKC", text).splitlines():
        line = _SPACED_UNIT.sub(r"\1\2", raw.replace("\u3000", " "))
        if _FOOTER.match(line) or _MD_RULE.match(line) or _BAR_ONLY.match(line):
            continue  # a line holding only '|' separates cells printed one a line
        lines.append(line.lstrip("#").rstrip(" \r\n"))  # trailing tabs end blank cells
    return lines


def _is_value(cell: str) -> bool:
    if cell.isascii() and cell.isdigit():
        return True
    compactcell = cell.replace(" ", "")
    if compactcell in NOT_REPORTED_MARKS or compactcell == UNREADABLE_MARK:
        return True
    head = cell.lstrip()[:1]
    if head and not (head.isdecimal() or head in "+-"):
        return False  # a label: no number starts this way (what _VALUE would say, sooner)
    return all(_VALUE.fullmatch(part) for part in cell.split())


def _cell_tokens(line: str) -> list[tuple[str, str]]:
    """Tokens of a line whose cells are separated by tabs or pipes."""
    body = line.strip(" \r\n")  # not tabs: a trailing tab ends a blank cell
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    tokens: list[tuple[str, str]] = []
    for raw in _CELL_SEP.split(body) if "|" in body else body.split("\t"):
        cell = raw.strip()
        if not cell:
            tokens.append(("empty", ""))
        elif FOREIGN_NUMBER.fullmatch(cell):
            tokens.append(("value", UNREADABLE_MARK))
        elif THOUSANDS.fullmatch(cell):
            tokens.append(("value", cell.replace(",", "")))
        elif cell.isdigit() and cell.isascii():  # the common case, first: one plain number
            tokens.append(("value", cell))
        elif _is_value(cell):
            tokens.extend(("value", part) for part in (cell.split() or [cell]))
        else:
            tokens.append(("label", cell))  # a cell is one label, digits and all (数据1)
    return tokens


def _free_tokens(line: str) -> list[tuple[str, str]]:
    """Tokens of free text: numbers, labels, and marks standing alone between spaces.

    A number touching label text (``规章000``) is ``glued``: the text lost its cell
    separators, so its digits may hold several cells.
    """
    tokens: list[tuple[str, str]] = []
    line = _FOREIGN_WORD.sub(UNREADABLE_MARK, line)
    line = _ITEM.sub(r" \1\2", line)
    for match in _TOKEN.finditer(line):
        kind = match.lastgroup or "label"
        text = match.group(0)
        if kind == "label" and _is_mark(text) and _stands_alone(line, match):
            kind = "value"
        elif kind == "value" and _touches_text(line, match):
            kind = "glued"
        if kind in {"gap", "space"}:
            continue
        if kind == "item":
            kind = "label"
        tokens.append((kind, text))
    return tokens


def _is_mark(text: str) -> bool:
    return text in NOT_REPORTED_MARKS or text == UNREADABLE_MARK


def _touches_text(line: str, match: re.Match[str]) -> bool:
    before = line[match.start() - 1] if match.start() > 0 else " "
    after = line[match.end()] if match.end() < len(line) else " "
    return any(not (ch.isspace() or ch.isdigit() or ch in "+-.") for ch in (before, after))


def _stands_alone(line: str, match: re.Match[str]) -> bool:
    before = line[: match.start()]
    after = line[match.end() :]
    return (not before or before[-1].isspace()) and (not after or after[0].isspace())


# Headers and label lines come back in every report, and rows of zeros in most.
@memo(entries=4096, small=lambda line: len(line) <= 300)
def line_tokens(line: str) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The tokens of one line, and whether it is a line of separated cells."""
    if "\t" in line or line.strip().startswith("|") or _BARRED.search(line):
        return tuple(_cell_tokens(line)), True
    return tuple(_free_tokens(line)), False


def value_groups(text: str, row_width: int) -> list[Group]:
    """The value groups of a section's text, in reading order.

    A line of separated cells is a row by itself. In free text, values run on across line
    ends (one number per line) until a label, or until a line ends a group of at least
    ``row_width`` chunks.
    """
    groups: list[Group] = []
    current: Group | None = None
    pending_label: list[str] = []
    for number, line in enumerate(clean_lines(text)):
        tokens, cells = line_tokens(line)
        if cells and current is not None:
            groups.append(current)
            current = None
        same_line: list[str] = []
        for kind, token in tokens:
            if kind == "label":
                if current is not None:
                    groups.append(current)
                    current = None
                same_line.append(token)
                continue
            if kind == "empty" and current is None and not same_line:
                continue  # empty cells before the row's label are layout, not blanks
            if current is None:
                current = Group(
                    same_line=" ".join(same_line),
                    before=" ".join(pending_label),
                    line=number,
                    cells=cells,
                    width=len(tokens) if cells else 0,
                )
                pending_label, same_line = [], []
            current.chunks.append("" if kind == "empty" else token)
            current.glued = current.glued or kind == "glued"
        pending_label.extend(same_line)
        if current is not None and (cells or len(_chunks(current)) >= row_width):
            groups.append(current)
            current = None
    if current is not None:
        groups.append(current)
    for index, group in enumerate(groups[:-1]):
        group.after = groups[index + 1].before
    if groups and current is None:
        groups[-1].after = " ".join(pending_label)
    return groups


def _chunks(group: Group) -> list[str]:
    return [c for c in group.chunks if c]


def unmerge_columns(text: str) -> str:
    """Undo merged cells that a reader repeated: where a header line repeats a cell (one
    column printed across several), the value lines under it keep that cell once."""
    out = []
    header: list[str] | None = None
    for line in text.splitlines():
        if "\t" not in line:
            out.append(line)
            continue
        cells = line.split("\t")
        if not any(_is_value(c) and c.strip() for c in cells):
            # a row with its label only (规章 with every cell blank) is no header
            if sum(1 for c in cells if c.strip()) >= 2:
                header = cells
        elif header is not None and len(header) == len(cells):
            cells = [
                c
                for i, c in enumerate(cells)
                if i == 0
                or not header[i].strip()
                or header[i] != header[i - 1]
                or c != cells[i - 1]
            ]
        out.append("\t".join(cells))
    return "\n".join(out)


def without_unsure_tail(groups: list[Group], at_end: bool) -> list[Group]:
    """The groups without the last one when the text stops right after it and it starts with
    an empty cell: the row may be cut, its first empty cells a blank or the label's span
    (which of its cells is which is unknown), unless its line holds as many cells as the
    widest line before it (a whole row of a grid)."""
    if at_end and groups:
        tail = groups[-1]
        widest = max((g.width for g in groups[:-1]), default=0)
        whole = tail.width and tail.width >= widest
        if tail.chunks[:1] == [""] and not tail.after.strip():
            return groups if whole else groups[:-1]  # a grid's row as wide as the one before
    return groups


def cut_tail(groups: list[Group], width: int, at_end: bool) -> list[str]:
    """The values of a row the text was cut inside: the last group of a text that stops
    there (``at_end``), holding fewer than ``width`` separated values and nothing after them.

    Only separated values count (never digits that ran together: their cut is unknown), and
    every one must be a number or mark; they fill the row's first cells in order.
    """
    if not at_end or not groups:
        return []
    tail = groups[-1]
    values = list(tail.chunks)
    while values and values[-1] == "":
        values.pop()  # an empty cell after the last value: the cut fell there
    if tail.glued or tail.after.strip() or not 0 < len(values) < width or values[0] == "":
        return []  # an empty first cell may be a blank or the label's span: unknown
    return values
