"""The Bot API methods the fake answers, and the state behind them (no HTTP here)."""

from __future__ import annotations

import copy
import html
import itertools
import json
import mimetypes
import re
import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ._wire import (
    ApiError,
    FilePart,
    JSONDict,
    bad_request,
    check_inline_keyboard,
    check_markup,
    utf16_len,
)

ChatId = int | str
Handler = Callable[[JSONDict, dict[str, FilePart]], Any]
DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
CHAT_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)
MEDIA_KINDS = ("document", "photo")
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


@dataclass
class StoredFile:
    """A file the fake knows: uploaded by the bot or injected by a test."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str
    mime_type: str

    def as_file(self) -> JSONDict:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }

    def as_media(self, kind: str) -> Any:
        base = {"file_id": self.file_id, "file_unique_id": self.file_unique_id}
        if kind == "photo":
            return [{**base, "width": 0, "height": 0, "file_size": len(self.data)}]
        return {
            **base,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.data),
        }


class ClientGoneError(Exception):
    """The client closed the connection while its long poll was waiting."""


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _int(params: JSONDict, key: str, default: int = 0) -> int:
    try:
        return int(params.get(key, default))
    except (TypeError, ValueError):
        raise bad_request(f"invalid {key} specified") from None


def _visible(text: str, parse_mode: Any) -> str:
    if str(parse_mode or "").lower() == "html":
        return html.unescape(re.sub(r"<[^>]*>", "", text))
    return text


class BotApi:
    """Bot API state and method implementations; every method runs under `_cond`."""

    def __init__(self, token: str, bot_id: int, bot_username: str) -> None:
        self.token = token
        self.bot_id = bot_id
        self.bot_username = bot_username
        self._cond = threading.Condition()
        self._local = threading.local()
        self._stopping = False
        self._updates: list[JSONDict] = []
        self._next_update_id = 1
        self._ids = itertools.count(1)
        self._last_message_id: dict[ChatId, int] = {}
        self._bot_messages: dict[ChatId, dict[int, JSONDict]] = {}
        self._user_messages: dict[tuple[ChatId, int], JSONDict] = {}
        self._chats: dict[ChatId, JSONDict] = {}
        self._files: dict[str, StoredFile] = {}
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._menu_buttons: dict[ChatId | None, JSONDict] = {}
        self._webhook_url = ""
        self._allowed_updates: list[str] = []
        self._poll_generation = 0
        self._open_queries: set[str] = set()
        self._blocked: dict[ChatId, str] = {}
        self._migrated: dict[ChatId, int] = {}
        # the clock long polls are timed on: a test may set its own (see ``tick``)
        self.clock: Callable[[], float] = time.monotonic
        # the long polls now waiting, and the clock's time each last looked at
        self.long_polls: dict[int, float] = {}

    @property
    def bot_user(self) -> JSONDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Disclosure Test Bot",
            "username": self.bot_username,
        }

    def dispatch(self, method: str, params: JSONDict, files: dict[str, FilePart]) -> Any:
        handler: Handler | None = getattr(self, "_api_" + _snake(method), None)
        if handler is None:
            raise bad_request(f'unknown method "{method}" (not implemented by FakeTelegram)')
        with self._cond:
            return handler(params, files)

    # -- state helpers (call with the lock held) --------------------------------------------

    def _new_message_id(self, chat_id: ChatId, at_least: int = 0) -> int:
        message_id = max(self._last_message_id.get(chat_id, 0) + 1, at_least)
        self._last_message_id[chat_id] = message_id
        return message_id

    def _chat(self, chat_id: ChatId) -> JSONDict:
        return dict(self._chats.get(chat_id) or {"id": chat_id, "type": "private"})

    def _find(self, chat_id: ChatId, message_id: int) -> JSONDict | None:
        found = self._bot_messages.get(chat_id, {}).get(message_id)
        return found or self._user_messages.get((chat_id, message_id))

    def _register_file(self, data: bytes, name: str, mime: str, kind: str) -> StoredFile:
        if not data:
            raise bad_request("file must be non-empty")
        n = next(self._ids)
        ext = PurePosixPath(name).suffix or mimetypes.guess_extension(mime) or ""
        folder = "photos" if kind == "photo" else "documents"
        stored = StoredFile(
            f"FAKE-{kind.upper()}-{n}", f"FAKEU{n}", f"{folder}/file_{n}{ext}", data, name, mime
        )
        self._files[stored.file_id] = stored
        return stored

    def _queue(self, update: JSONDict) -> JSONDict:
        update = copy.deepcopy(update)
        update.setdefault("update_id", self._next_update_id)
        self._next_update_id = max(self._next_update_id, int(update["update_id"]) + 1)
        kind = next((key for key in update if key != "update_id"), "")
        payload = update.get(kind)
        if isinstance(payload, dict) and isinstance(payload.get("chat"), dict):
            chat = payload["chat"]
            self._chats[chat["id"]] = {**self._chats.get(chat["id"], {}), **chat}
            if "message_id" in payload:
                self._new_message_id(chat["id"], int(payload["message_id"]))
                self._user_messages[(chat["id"], int(payload["message_id"]))] = payload
            if "migrate_to_chat_id" in payload:
                self._migrated[chat["id"]] = int(payload["migrate_to_chat_id"])
            if kind == "my_chat_member":
                self._apply_membership(chat, payload.get("new_chat_member") or {})
        self._updates.append(update)
        self._cond.notify_all()
        return copy.deepcopy(update)

    def _apply_membership(self, chat: JSONDict, member: JSONDict) -> None:
        if (member.get("user") or {}).get("id") != self.bot_id:
            return
        if member.get("status") not in ("kicked", "left"):
            self._blocked.pop(chat["id"], None)
        elif chat.get("type") == "private":
            self._blocked[chat["id"]] = "Forbidden: bot was blocked by the user"
        else:
            where = "supergroup" if chat.get("type") == "supergroup" else "group"
            self._blocked[chat["id"]] = f"Forbidden: bot was kicked from the {where} chat"

    def _writable_chat(self, params: JSONDict) -> ChatId:
        chat_id: ChatId | None = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if chat_id in self._migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self._migrated[chat_id]},
            )
        if chat_id in self._blocked:
            raise ApiError(403, self._blocked[chat_id])
        return chat_id

    def _text(self, params: JSONDict, key: str, limit: int) -> str:
        text = str(params.get(key, ""))
        if key == "text" and not text.strip():
            raise bad_request("message text is empty")
        check_markup(text, params.get("parse_mode"))
        if utf16_len(_visible(text, params.get("parse_mode"))) > limit:
            raise bad_request(
                "message is too long" if key == "text" else "message caption is too long"
            )
        return text

    def _reply_target(self, params: JSONDict, chat_id: ChatId) -> JSONDict | None:
        reply = params.get("reply_parameters")
        reply = reply if isinstance(reply, dict) else {}
        message_id = reply.get("message_id", params.get("reply_to_message_id"))
        if message_id is None:
            return None
        target = self._find(reply.get("chat_id", chat_id), int(message_id))
        if target is None:
            if reply.get("allow_sending_without_reply", params.get("allow_sending_without_reply")):
                return None
            raise bad_request("message to be replied not found")
        target = copy.deepcopy(target)
        target.pop("reply_to_message", None)
        return target

    def _new_bot_message(self, params: JSONDict, content: JSONDict) -> JSONDict:
        chat_id = self._writable_chat(params)
        markup = check_inline_keyboard(params.get("reply_markup"))
        reply = self._reply_target(params, chat_id)
        message: JSONDict = {
            "message_id": self._new_message_id(chat_id),
            "from": self.bot_user,
            "chat": self._chat(chat_id),
            "date": int(time.time()),
        }
        if reply is not None:
            message["reply_to_message"] = reply
        message.update({key: value for key, value in content.items() if value is not None})
        if markup is not None:
            message["reply_markup"] = markup
        self._bot_messages.setdefault(chat_id, {})[message["message_id"]] = message
        return copy.deepcopy(message)

    def _input_file(
        self, value: Any, files: dict[str, FilePart], field: str, kind: str
    ) -> StoredFile:
        part = files.get(field)
        if isinstance(value, str) and value.startswith("attach://"):
            part = files.get(value.removeprefix("attach://"))
        if part is not None:
            return self._register_file(part[2], part[0], part[1], kind)
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            name = PurePosixPath(value.split("?")[0]).name or "file"
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return self._register_file(value.encode(), name, mime, kind)
        if value is None:
            raise bad_request(f"there is no {field} in the request")
        raise bad_request("wrong file identifier/HTTP URL specified")

    def _send_media(self, params: JSONDict, files: dict[str, FilePart], kind: str) -> JSONDict:
        self._writable_chat(params)
        caption = self._text(params, "caption", 1024) if "caption" in params else None
        stored = self._input_file(params.get(kind), files, kind, kind)
        content = {
            kind: stored.as_media(kind),
            "caption": caption,
            "caption_entities": params.get("caption_entities"),
        }
        return self._new_bot_message(params, content)

    def _edit(self, params: JSONDict, changes: JSONDict, kind: str) -> Any:
        markup = check_inline_keyboard(params.get("reply_markup"))
        if "inline_message_id" in params:
            return True
        chat_id: ChatId = params.get("chat_id", "")
        message_id = _int(params, "message_id")
        message = self._bot_messages.get(chat_id, {}).get(message_id)
        if message is None:
            found = self._find(chat_id, message_id) is not None
            raise bad_request("message can't be edited" if found else "message to edit not found")
        if kind == "text" and "text" not in message:
            raise bad_request("there is no text in the message to edit")
        if kind == "caption" and not any(key in message for key in MEDIA_KINDS):
            raise bad_request("there is no caption in the message to edit")
        changes = {**changes, "reply_markup": markup}
        if all(message.get(key) == value for key, value in changes.items()):
            raise bad_request(NOT_MODIFIED)
        for key, value in changes.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    def _client_gone(self) -> bool:
        conn: socket.socket | None = getattr(self._local, "conn", None)
        if conn is None:
            return False
        try:
            readable, _, _ = select.select([conn], [], [], 0)
            return bool(readable) and conn.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _allowed(self, update: JSONDict) -> bool:
        kind = next((key for key in update if key != "update_id"), "")
        if self._allowed_updates:
            return kind in self._allowed_updates
        return kind not in DEFAULT_EXCLUDED_UPDATES

    # -- Bot API methods ----------------------------------------------------------------------

    def _api_get_me(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def _api_log_out(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return True

    _api_close = _api_log_out

    def _api_get_updates(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        if self._webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if isinstance(p.get("allowed_updates"), list):
            self._allowed_updates = [str(kind) for kind in p["allowed_updates"]]
        offset, limit = _int(p, "offset"), min(max(_int(p, "limit", 100), 1), 100)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        self._poll_generation += 1
        generation = self._poll_generation
        deadline = self.clock() + float(p.get("timeout") or 0)
        try:
            return self._long_poll(generation, deadline, limit)
        finally:
            self.long_polls.pop(generation, None)
            self._cond.notify_all()

    def _long_poll(self, generation: int, deadline: float, limit: int) -> Any:
        while True:
            self._updates = [u for u in self._updates if self._allowed(u)]
            now = self.clock()
            remaining = deadline - now
            if self._updates or self._stopping or remaining <= 0:
                return copy.deepcopy(self._updates[:limit])
            self.long_polls[generation] = now  # waiting, as of ``now``
            self._cond.notify_all()
            self._cond.wait(min(remaining, 0.1))
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure "
                    "that only one bot instance is running",
                )
            if self._client_gone():
                raise ClientGoneError

    def _api_delete_webhook(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        self._webhook_url = ""
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_set_webhook(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        self._webhook_url = str(p.get("url", ""))
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _api_get_webhook_info(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    def _commands_key(self, p: JSONDict) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(p.get("language_code", ""))

    def _api_set_my_commands(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH" if commands else "commands must be a list")
        for command in commands:
            if not _COMMAND_RE.fullmatch(str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self._commands[self._commands_key(p)] = commands
        return True

    def _api_get_my_commands(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return copy.deepcopy(self._commands.get(self._commands_key(p), []))

    def _api_delete_my_commands(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        self._commands.pop(self._commands_key(p), None)
        return True

    def _api_send_message(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        text = self._text(p, "text", 4096)
        return self._new_bot_message(p, {"text": text, "entities": p.get("entities")})

    def _api_edit_message_text(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        text = self._text(p, "text", 4096)
        return self._edit(p, {"text": text, "entities": p.get("entities")}, "text")

    def _api_edit_message_caption(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        caption = self._text(p, "caption", 1024) if p.get("caption") else None
        return self._edit(
            p, {"caption": caption, "caption_entities": p.get("caption_entities")}, "caption"
        )

    def _api_edit_message_reply_markup(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return self._edit(p, {}, "markup")

    def _api_delete_message(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        chat_id: ChatId = p.get("chat_id", "")
        message_id = _int(p, "message_id")
        bot_message = self._bot_messages.get(chat_id, {}).pop(message_id, None)
        if bot_message is None and self._user_messages.pop((chat_id, message_id), None) is None:
            raise bad_request("message to delete not found")
        return True

    def _api_answer_callback_query(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        if str(p.get("callback_query_id")) not in self._open_queries:
            raise bad_request(QUERY_TOO_OLD)
        return True

    def _api_answer_inline_query(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        if str(p.get("inline_query_id")) not in self._open_queries:
            raise bad_request(QUERY_TOO_OLD)
        results = p.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise bad_request("RESULTS_TOO_MUCH")
        ids = [str(result.get("id")) for result in results]
        if len(set(ids)) != len(ids):
            raise bad_request("RESULT_ID_DUPLICATE")
        return True

    def _api_send_chat_action(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        self._writable_chat(p)
        if p.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def _api_send_document(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return self._send_media(p, f, "document")

    def _api_send_photo(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return self._send_media(p, f, "photo")

    def _api_send_media_group(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        self._writable_chat(p)
        media = p.get("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise bad_request("wrong number of media items (2-10 allowed)")
        group_id = str(next(self._ids))
        messages = []
        for item in media:
            kind = item.get("type")
            if kind not in MEDIA_KINDS:
                raise bad_request(f"media type {kind!r} is not supported by FakeTelegram")
            caption = self._text(item, "caption", 1024) if "caption" in item else None
            stored = self._input_file(item.get("media"), f, "", kind)
            content = {kind: stored.as_media(kind), "caption": caption, "media_group_id": group_id}
            messages.append(self._new_bot_message({**p, "reply_markup": None}, content))
        return messages

    def _api_get_file(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        stored = self._files.get(str(p.get("file_id")))
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.as_file()

    def _api_get_chat(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        gifts = dict.fromkeys(
            (
                "unlimited_gifts",
                "limited_gifts",
                "unique_gifts",
                "premium_subscription",
                "gifts_from_channels",
            ),
            False,
        )
        return {
            **self._chat(p.get("chat_id", "")),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": gifts,
        }

    def _api_leave_chat(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return True

    def _api_set_chat_menu_button(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        self._menu_buttons[p.get("chat_id")] = p.get("menu_button") or {"type": "default"}
        return True

    def _api_get_chat_menu_button(self, p: JSONDict, f: dict[str, FilePart]) -> Any:
        return self._menu_buttons.get(p.get("chat_id"), {"type": "default"})
