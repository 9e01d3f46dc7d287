"""Every word the bot says in English, table by table (the Chinese ones in ``zh``, with the
same names, keys and placeholders: tests/unit/test_texts.py checks)."""

#: every reply to a question
ANSWERS = {
    "heading": "{agency} ({english}), {year}{latest}",
    "latest": " (latest indexed year)",
    "figure": "{label}: {value}",
    "not_reported": "{label}: not reported (the cell is blank or marked “/” in the report)",
    "not_in_layout": "{label}: not part of the {layout} layout of this report",
    "source": "Source: {report} · section {section} {title} · row “{row}” · column “{column}”",
    "source_short": "Source: {report}",
    "sources": "Sources: {reports}",
    "warning": "⚠ The report breaks a rule on this figure: {message}",
    "summary_line": "{label}: {value}",
    "no_agency": "I found no indexed agency in “{question}”.",
    "nearest": "Closest names: {names}.",
    "indexed": "Indexed: {names}{more}.",
    "more": " and {count} more",
    "try": "Try: “{example}”",
    "no_year": "{agency} has no report for {year} indexed. Indexed years: {years}.",
    "choose": "Which agency do you mean?",
    "help": "I answer questions about government information disclosure annual reports "
    "(政府信息公开工作年度报告): applications, outcomes, reconsiderations, lawsuits, "
    "proactive disclosure.",
    "example": "How many applications did {agency} receive in {year}?",
    "empty_index": "No reports are indexed yet.",
    "change": "{label}: {value} ({sign}{delta} from {previous} in {before})",
    "change_flat": "{label}: {value} (unchanged from {before})",
    "change_none": "{label}: {value}; no report for {before} is indexed to compare with",
    "trend_title": "{label}, {first}–{last}",
    "trend_line": "{year}: {value}",
    "trend_missing": "{year}: no report indexed",
    "compare_title": "{label}, {year}",
    "compare_line": "{agency}: {value}",
    "compare_missing": "{agency}: no report for {year}",
    "breakdown_applicants": "{label} by applicant:",
    "breakdown_outcomes": "How the applications were handled:",
    "region_title": "{region}, {year}: {label}",
    "region_total": "Total over {reported} of {members} agencies: {value}",
    "region_missing": "No report for {year} from: {names}{more}",
    "region_none": "None of the {members} agencies in {region} has a report for {year}.",
    "ranking_title": "{region}, {year}: {direction} {count} by {label}",
    "ranking_top": "top",
    "ranking_bottom": "bottom",
    "ranking_line": "{rank}. {agency}: {value}",
    "ranking_note": "Ranked among {reported} of {members} agencies with a report; "
    "⚠ marks a report that breaks a rule on this figure.",
    "status_ok": "The report satisfies every arithmetic rule (勾稽关系) that can be checked.",
    "status_breaks": "The report breaks {count} rule(s):",
    "status_line": "• {message}",
    "indexed_title": "Indexed: {agencies} agencies, {reports} reports, years {years}.",
    "indexed_line": "• {agency}: {years}",
    "region_word": "all agencies in {region}",
    "all_agencies": "All indexed agencies",
    "did_you_mean": "{typed} is not indexed as typed. Did you mean {names}?",
    "not_indexed_body": "{typed} is not indexed; I answer only with its own figures. "
    "Indexed in {region}:",
    "choose_figure": "Which figure do you mean{words}?",
    "choose_figure_words": " by “{words}”",
    "unknown_field_choose": "I don't know the figure “{words}”. Which of these do you mean?",
    "rate": "{rate} (computed): {value}",
    "rate_formula": "Formula: {formula} = {value}",
    "rate_note": "The report prints no rate: this one is computed from its figures.",
    "rate_missing": "{rate}: cannot be computed, the report does not give {label}.",
    "rate_zero": "{rate}: cannot be computed, {label} is 0.",
    "no_rate": "Reports print no “{words}”. I can compute: {rates}.",
    "breakdown_items": "{label}, item by item:",
    "breakdown_columns": "{label}, by outcome:",
    "source_section": "Source: {report} · section {section} {title}",
    "passage_intro": "What the report says (section {section}, {title}):",
    "passage_none": "Section {section} ({title}) of the report says nothing about this.",
    "passage_missing": "The report's section {section} ({title}) was not kept.",
    "deadlines_title": "Deadlines for the annual reports:",
    "deadline_line": "{line} Published: {reported}/{total}",
    "compared_alone": "Of the agencies to compare, only {agency} is indexed; the other "
    "is not. Its figures alone:",
    "which_region": "Which region do you mean? {regions}. Ask again with its Chinese name "
    "or the city it is in.",
    "read_back_title": "The tables as I read them ({count} figures; — blank, ? unsure, left out):",
    "read_back_section": "Section {section}",
    "read_by_ocr": "⚠ Read by OCR from a photo or scan of the report: check it against the "
    "original before relying on it.",
    "read_back_ocr": "Read by OCR from a photo or scan: compare each figure with the paper.",
    "cut_off": "{label}: {agency}'s {year} report as indexed stops before this figure "
    "({stops}), so its value is not known here",
    "unread": "{label}: this figure could not be read for certain from the report, so it "
    "was left out rather than guessed",
    "cut_short": "— (copy cut off before it)",
    "unread_short": "— (not read)",
    "status_cut": "⚠ The copy as indexed is cut off: {stops}.",
    "preview_counts": "{year} · layout {layout} · {figures} figures, {blank} not reported",
    "region_cut": "Left out, their copy as indexed lacks this figure (cut off before it, or "
    "not read for certain): {names}",
}


#: the headings of a report's card
CARD_TITLES = (
    "Applications",
    "Outcomes",
    "Reconsiderations and lawsuits",
    "Proactive disclosure",
    "Findings",
)


#: deleting a report
DELETION = {
    "how": "Name the agency and the year, e.g. /delete 汉屯路街道 2023",
    "unknown": "No indexed agency has that name.",
    "ambiguous": "That name may mean: {0}. Name the agency more fully.",
    "no_report": "{0} has no report for {1} (indexed: {2}).",
    "confirm": "Delete {agency} {year} ({source}) and all its figures? This cannot be undone.",
    "deleted": "Deleted: {agency} {year} ({source}).",
    "deleted_older": "Deleted: {agency} {year} ({source}, and the older {older}).",
}


#: /help: its first line
HELP_INTRO = "Ask in Chinese or English, e.g.:"


#: /help: the figures heading
HELP_FIELDS = "Figures I know:"


#: /help: the applicants heading
HELP_APPLICANTS = "By applicant:"


#: /help: shapes of question to try, about the first indexed agencies
HELP_EXAMPLES = {
    "trend": "{name} lawsuits trend",
    "compare": "compare {name} and {other}",
    "ranking": "which agency received the most applications",
    "agency": "Hantun Road",
}

#: /help: its last line
HELP_MORE = (
    "No year means the latest indexed. Every answer names its report, section, row and column."
)


#: a reminder and /deadlines
REMINDERS = {
    "before": "⏰ {name}: {when} ({days} days left) — reports for {year}.",
    "published": "published",
    "today": "⏰ {name}: today, {when} — reports for {year}.",
    "after": "⏰ {name}: {when} has passed ({days} days ago) — reports for {year}.",
    "late": " (sent late: the bot was offline when this fell due)",
    "count": "{reported} of {total} tracked agencies have a report for {year} indexed.",
    "missing": "Not yet: {names}{more}",
    "overdue": "Late: {names}{more}",
    "more": " and {count} more",
}


#: the chat: buttons, refusals, uploads, links
CHAT = {
    "private_only": "This bot answers only the users and chats it was set up for.",
    "not_admin_upload": "Only administrators can add reports. To check a file without "
    "adding it, send it with the caption /check.",
    "not_admin": "Only administrators can do that.",
    "too_big": "This file is {size} MB; the limit is {limit} MB.",
    "reading": "Reading {name}…",
    "index": "Index",
    "replace": "Replace",
    "cancel": "Cancel",
    "cancelled": "Cancelled: nothing was indexed.",
    "delete": "Delete",
    "delete_cancelled": "Cancelled: nothing was deleted.",
    "expired": "This has expired; please send it again.",
    "replaces": "Already indexed for that year ({source}). If replaced, these change:",
    "same_figures": "Already indexed for that year ({source}), with the same figures.",
    "indexed": "Indexed: {agency} {year}.",
    "replaced": "Replaced: {agency} {year} (was {source}).",
    "unchanged": "Already indexed: the same file.",
    "rejected": "Not indexed: {reason}",
    "not_indexable": "This cannot be indexed from the chat: {reason}. An administrator can "
    "index it on the server with `disclosure-bot ingest`.",
    "unreadable": "I could not read {name}: {reason}",
    "check_ok": "{name}: no rule broken.",
    "check_how": "Send the report file with the caption /check, or reply /check to it.",
    "ask_how": "Ask me, e.g.: /ask {example}",
    "report_how": "Usage: /report AGENCY [YEAR], e.g. /report {agency}",
    "compare_how": "Usage: /compare A, B[, …] [YEAR] [FIGURE], e.g. /compare {a}, {b}",
    "trend_how": "Usage: /trend AGENCY [FIGURE], e.g. /trend {agency} lawsuits",
    "export_how": "Usage: /export AGENCY [YEAR] [csv|xlsx], or /export a question",
    "lang_set": "I will answer in English.",
    "lang_how": "Usage: /lang en or /lang zh",
    "prev": "‹ Previous",
    "next": "Next ›",
    "examples": "Try one:",
    "export_csv": "CSV",
    "export_xlsx": "XLSX",
    "nothing_to_export": "That answer has no figures to export.",
    "not_admin_link": "Only administrators can add reports by link; I did not open it.",
    "fetching": "Fetching {url}…",
    "fetch_failed": "I could not get a report from {url}: {reason}",
    "fetch_how": "Usage: /fetch LINK, the address of a report's page or file (administrators).",
    "sources_none": "No pages are watched. An administrator lists them in the config: "
    "[watch] pages.",
    "sources_title": "Watched pages:",
    "sources_line": "• {url}\n  {when}: {status}",
    "never_checked": "not checked yet",
    "status_found": "found new reports",
    "status_nothing_new": "nothing new",
    "status_not_modified": "unchanged",
    "status_failed": "failed",
    "watch_indexed": "New reports from the watched pages:",
    "watch_queued": "Found on a watched page ({url}):",
    "watch_failed": "A watched page could not be checked: {url} ({reason})",
    "unchanged_figures": "Already indexed with the same figures (from {source}): nothing changed.",
    "kept": "Not indexed: a fuller copy of {agency}'s {year} report ({source}, {count} "
    "figures) is already indexed, and a copy holding fewer figures never replaces it.",
    "fuller_indexed": "A fuller copy of this report ({source}, {count} figures) is already "
    "indexed: this one holds fewer and would not replace it.",
}


#: /subscribe, step by step
SUBSCRIBE = {
    "deadlines": "Remind this chat of which deadlines?",
    "agencies": "Track which agencies? Tap a region, or send a region or agency names "
    "(comma-separated).",
    "all": "All indexed agencies",
    "when": "When? Days before each deadline, and the time of day:",
    "next": "Next ›",
    "save": "Save",
    "saved": "Subscribed: {deadlines}; {agencies}; {days} days before, at {at}.",
    "unknown": "I know no region or agency called “{text}”. Try again.",
    "none": "This chat has no subscriptions.",
    "end": "End #{id}",
    "end_all": "End all",
    "ended": "Ended {count} subscription(s).",
    "list": "Subscriptions of this chat:",
    "expired": "This has expired; send /subscribe again.",
    "cancelled": "No subscription was saved.",
}


#: an unexpected error
SORRY = "Sorry, something went wrong while answering. Please try again in a moment."


#: the store busy or down
STORE_DOWN = (
    "Sorry, the report database is busy or unavailable right now. Please try again in a minute."
)


#: the command menu
COMMANDS = [
    ("start", "What this bot does"),
    ("help", "Examples and the figures it knows"),
    ("ask", "Ask a question"),
    ("report", "A report's card: /report AGENCY [YEAR]"),
    ("agencies", "What is indexed: /agencies [FILTER]"),
    ("compare", "Compare agencies: /compare A, B [YEAR]"),
    ("trend", "A figure over the years: /trend AGENCY [FIGURE]"),
    ("export", "Figures as CSV or XLSX: /export AGENCY [YEAR]"),
    ("check", "Check a report file without indexing it"),
    ("lang", "Reply language: /lang en or /lang zh"),
    ("subscribe", "Deadline reminders for this chat"),
    ("unsubscribe", "End reminders"),
    ("deadlines", "Next deadlines and who has published"),
    ("sources", "Watched portal pages and their last check"),
]


#: findings worded for people: the rules each finding breaks, cells by their labels
FINDINGS = {
    "incomplete": "The copy is cut off: {stops}.",
    "stops": "section {section} stops before row “{row}”, {count} figure(s) missing",
    "ambiguous_cells": "{count} figure(s) could not be read for certain and were left out, not "
    "guessed: {labels}.",
    "read_by_ocr": "All {count} figures were read by OCR from a photo or scan: check them "
    "against the original before relying on them.",
    "applications.balance": "{column}: new + carried over = {expected}, but handled + "
    "carried forward = {found}.",
    "applications.outcome_total": "{column}: the outcomes add up to {expected}, but the "
    "total handled is {found}.",
    "applications.row_total": "{row}: the six kinds of applicant add up to {expected}, but "
    "the total is {found}.",
    "review.total": "{row}: upheld + corrected + other + pending = {expected}, but the "
    "total is {found}.",
    "values.range": "{first}: {found} is not a possible count.",
    "applications.carried_over": "{column}: carried over from last year {found}, but last "
    "year's report carried forward {expected}.",
    "identical_to_previous_year": "Every figure equals the previous year's report: was it copied?",
    "year_mismatch": "The title says {expected}, but the body's figures cover {found}.",
    "more": "{labels} and {count} more",
}
