"""Wire-level helpers of the fake Bot API: request bodies, parameter decoding, text checks."""

from __future__ import annotations

import email.parser
import email.policy
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

JSONDict = dict[str, Any]
FilePart = tuple[str, str, bytes]  # (filename, content_type, content)

# Parameters that PTB sends as JSON text (anything that is not a str, int or bool).
JSON_PARAMS = frozenset(
    [
        "allowed_updates",
        "button",
        "caption_entities",
        "commands",
        "entities",
        "explanation_entities",
        "link_preview_options",
        "media",
        "menu_button",
        "message_ids",
        "options",
        "permissions",
        "prices",
        "reaction",
        "reply_markup",
        "reply_parameters",
        "results",
        "rights",
        "scope",
    ]
)
NUMBER_PARAMS = frozenset(
    [
        "cache_time",
        "chat_id",
        "duration",
        "from_chat_id",
        "height",
        "limit",
        "max_connections",
        "message_id",
        "message_thread_id",
        "offset",
        "reply_to_message_id",
        "timeout",
        "until_date",
        "user_id",
        "width",
    ]
)
BOOL_PREFIXES = ("allow_", "can_", "disable_", "drop_", "has_", "is_", "protect_", "show_")
_NUMBER_RE = re.compile(r"-?\d+(\.\d+)?")


@dataclass
class Call:
    """One request the bot made; `params` hold decoded values (ints, bools, JSON objects)."""

    method: str
    params: JSONDict
    files: dict[str, FilePart]
    time: float
    index: int = 0
    faulted: bool = False
    status: int = 0  # HTTP status once answered; 499 when the client went away first
    result: Any = None
    answered: bool = False


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSONDict:
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(text: str) -> ApiError:
    return ApiError(400, f"Bad Request: {text}")


def _fix_text(value: Any) -> str:
    """Undo the surrogate escapes the email parser leaves for raw UTF-8 header bytes."""
    text = str(value)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return text


def parse_body(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, FilePart]]:
    """Split a form-urlencoded or multipart body into string params and file parts."""
    if not content_type.lower().startswith("multipart/"):
        return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True)), {}
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    params: dict[str, str] = {}
    files: dict[str, FilePart] = {}
    for part in message.iter_parts():
        name = _fix_text(part.get_param("name", header="content-disposition"))
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is None:
            params[name] = data.decode("utf-8")
        else:
            files[name] = (_fix_text(filename), part.get_content_type(), data)
    return params, files


def decode_params(raw: dict[str, str]) -> JSONDict:
    """Turn the wire strings back into the values the bot passed."""
    out: JSONDict = {}
    for key, value in raw.items():
        if key in JSON_PARAMS:
            try:
                out[key] = json.loads(value)
            except ValueError:
                out[key] = value
        elif key in NUMBER_PARAMS and _NUMBER_RE.fullmatch(value):
            out[key] = float(value) if "." in value else int(value)
        elif key.startswith(BOOL_PREFIXES) and value in ("true", "false"):
            out[key] = value == "true"
        else:
            out[key] = value
    return out


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets and limits."""
    return len(text.encode("utf-16-le")) // 2


def _entities_error(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


_HTML_TAGS = frozenset(
    [
        "a",
        "b",
        "blockquote",
        "code",
        "del",
        "em",
        "i",
        "ins",
        "pre",
        "s",
        "span",
        "strike",
        "strong",
        "tg-emoji",
        "tg-spoiler",
        "u",
    ]
)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")


def _check_html(text: str) -> None:
    stack: list[str] = []
    pos = 0
    while (lt := text.find("<", pos)) != -1:
        offset = len(text[:lt].encode("utf-8"))
        match = _TAG_RE.match(text, lt)
        if match is None:
            raise _entities_error(f"Unclosed start tag at byte offset {offset}")
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name not in _HTML_TAGS:
            kind = "end" if closing else "start"
            raise _entities_error(f'Unsupported {kind} tag "{name}" at byte offset {offset}')
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            raise _entities_error(
                f'Unmatched end tag at byte offset {offset}, expected "</{name}>"'
            )
        pos = match.end()
    if stack:
        raise _entities_error(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')


def _skip_to(text: str, start: int, closer: str, entity: str) -> int:
    """Index just past the first unescaped `closer` at or after `start`."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(closer, i):
            return i + len(closer)
        else:
            i += 1
    raise _entities_error(f"Can't find end of {entity} entity at byte offset {start}")


def _check_markdown_v2(text: str) -> None:
    """Catch reserved characters left unescaped (the usual MarkdownV2 mistake)."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
        elif text.startswith("```", i):
            i = _skip_to(text, i + 3, "```", "PreCode")
        elif ch == "`":
            i = _skip_to(text, i + 1, "`", "Code")
        elif text.startswith("](", i):
            i = _skip_to(text, i + 2, ")", "TextUrl")
        elif text.startswith("||", i):
            i += 2
        elif ch in "#+-={}.!()|" or (ch == ">" and i > 0 and text[i - 1] != "\n"):
            raise _entities_error(
                f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            i += 1


def check_markup(text: str, parse_mode: Any) -> None:
    """Reject text that Telegram could not parse under `parse_mode` (HTML, MarkdownV2)."""
    mode = str(parse_mode or "").lower()
    if mode == "html":
        _check_html(text)
    elif mode == "markdownv2":
        _check_markdown_v2(text)


def check_inline_keyboard(markup: Any) -> JSONDict | None:
    """Validate a reply_markup; return it if it is an inline keyboard (the only kind echoed)."""
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for button in (button for row in rows for button in row):
        if not isinstance(button, dict) or not str(button.get("text", "")):
            raise bad_request("can't parse inline keyboard button: Text must be non-empty")
        if len(button) < 2:  # text plus one action
            raise bad_request(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline "
                "keyboard"
            )
        data = button.get("callback_data")
        if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
            raise bad_request("BUTTON_DATA_INVALID")
    return markup
