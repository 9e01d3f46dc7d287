"""The agency and report an answer is about, and the pieces every answer about it shares:
the heading, the source line, and the warnings for cells that break a rule."""

from dataclasses import dataclass

from bot.agencies import AgencyRecord
from bot.answers.answer import Source
from bot.answers.findings import finding_text
from bot.answers.format import printed_row, section_title
from bot.catalogue import Field
from bot.parser.report import READ_BY_OCR, Finding
from bot.records import StoredReport
from bot.texts import Language, say


@dataclass(frozen=True)
class Subject:
    """One agency's report, in the language of the question; ``latest`` when the question
    gave no year."""

    entry: AgencyRecord
    report: StoredReport
    lang: Language
    latest: bool = False
    place: str = ""  # the region, for an agency with namesakes

    def heading(self) -> str:
        """``汉屯路街道办事处 (Hantun Road Subdistrict Office), 2023``."""
        note = say(self.lang, "latest") if self.latest else ""
        return say(
            self.lang,
            "heading",
            agency=f"{self.entry.name}（{self.place}）" if self.place else self.entry.name,
            english=self.entry.english,
            year=self.report.year,
            latest=note,
        )

    def warnings(self, cells: tuple[str, ...], *, skip: Finding | None = None) -> tuple[str, ...]:
        """A warning, in the reader's words, for each finding of the report that touches
        ``cells`` (but ``skip``, which the answer already words); a figure read by OCR from a
        photo or scan says so."""
        return tuple(
            say(self.lang, "read_by_ocr")
            if f.rule == READ_BY_OCR
            else say(self.lang, "warning", message=finding_text(f, self.lang))
            for f in self.report.findings
            if f != skip and set(f.cells) & set(cells)
        )


def source_of(report: StoredReport, spec: Field) -> Source:
    """Where a figure comes from: report, section, row and column as printed."""
    row_key = spec.key.rsplit(".", 1)[0]
    row = printed_row(report.labels.get(row_key, spec.row.zh))
    if spec.derived:
        row = f"{spec.row.zh}（{len(spec.parts)}项之和）" if spec.section == "三" else spec.row.zh
    return Source(report.source_name, spec.section, section_title(spec), row, spec.column.zh)


def source_line(source: Source, lang: Language) -> str:
    """The source as a line of the reply."""
    return say(
        lang,
        "source",
        report=source.report,
        section=source.section,
        title=source.section_title,
        row=source.row,
        column=source.column,
    )
