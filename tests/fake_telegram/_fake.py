"""FakeTelegram: the HTTP server, the injection API and the observation API."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import socket
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from ._api import BotApi, ChatId, ClientGoneError
from ._wire import ApiError, Call, JSONDict, decode_params, parse_body, utf16_len

DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected fault",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot "
    "instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass
class _Fault:
    error: ApiError | None
    delay: float
    times: int
    release: threading.Event | None = None


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        with self.server.idle:
            self.server.busy += 1
        try:
            self._respond()
        finally:
            with self.server.idle:
                self.server.busy -= 1
                self.server.idle.notify_all()

    def _respond(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        fake = self.server.fake
        answer = fake._handle(
            self.path, self.headers.get("Content-Type", ""), body, self.connection
        )
        if answer is None:
            self.close_connection = True
            return
        status, payload, content_type = answer
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.lock = threading.Lock()
        self.idle = threading.Condition(self.lock)
        self.busy = 0  # requests being answered
        self.connections: dict[socket.socket, threading.Thread] = {}
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self._serve,
            args=(request, client_address),
            name="fake-telegram-conn",
            daemon=True,
        )
        with self.lock:
            self.connections[request] = thread
        thread.start()

    def _serve(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except OSError:
            pass  # the client went away (PTB cancels its own long polls)
        except Exception:
            self.fake.errors.append(traceback.format_exc())
        finally:
            self.shutdown_request(request)
            with self.lock:
                self.connections.pop(request, None)

    def drop_connections(self) -> None:
        """Let answers in progress finish, then close every connection and join its thread."""
        with self.idle:
            self.idle.wait_for(lambda: self.busy == 0, timeout=2.0)
            items = list(self.connections.items())
        for conn, _ in items:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for _, thread in items:
            thread.join(timeout=5)


class FakeTelegram(BotApi):
    """A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests of a PTB bot."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        *,
        bot_id: int = 777,
        bot_username: str = "disclosure_test_bot",
    ) -> None:
        super().__init__(token, bot_id, bot_username)
        self._calls: list[Call] = []
        self._mark = 0
        self._faults: dict[str, list[_Fault]] = {}
        self._stop_event = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._users: dict[int, JSONDict] = {}
        self.errors: list[str] = []  # tracebacks of bugs inside the fake itself

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FakeTelegram:
        if self._server is not None:
            raise RuntimeError("FakeTelegram already started")
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            name="fake-telegram",
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Wake pending long polls, close every connection and join all threads (idempotent)."""
        server, thread = self._server, self._thread
        with self._cond:
            if server is None or thread is None or self._stopping:
                return
            self._stopping = True
            self._cond.notify_all()
        self._stop_event.set()
        server.shutdown()
        server.drop_connections()
        server.server_close()
        thread.join()

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("FakeTelegram not started")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- HTTP ---------------------------------------------------------------------------------

    def _handle(
        self, path: str, content_type: str, body: bytes, conn: socket.socket
    ) -> tuple[int, bytes, str] | None:
        url = urlsplit(path)
        route = unquote(url.path)  # PTB percent-encodes file URLs, the token's ":" included
        if route.startswith("/file/bot"):
            token, _, file_path = route.removeprefix("/file/bot").partition("/")
            with self._cond:
                found = [f for f in self._files.values() if f.file_path == file_path]
            if token != self.token or not found:
                return 404, b"Not Found", "text/plain"
            return 200, found[0].data, found[0].mime_type
        if not route.startswith("/bot"):
            return 404, b"Not Found", "text/plain"
        token, _, method = route.removeprefix("/bot").partition("/")
        try:
            raw, files = parse_body(content_type, body)
        except (ValueError, LookupError) as exc:
            error = ApiError(400, f"Bad Request: can't parse the request body: {exc}")
            return error.status, json.dumps(error.body()).encode(), "application/json"
        raw.update(parse_qsl(url.query))
        call = Call(method, decode_params(raw), files, time.monotonic())
        with self._cond:
            call.index = len(self._calls)
            self._calls.append(call)
            fault = self._take_fault(method)
            self._cond.notify_all()
        if fault is not None:
            self._hold(fault)
        result: Any = None
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            if fault is not None and fault.error is not None:
                call.faulted = True
                raise fault.error
            self._local.conn = conn
            result = self.dispatch(method, call.params, files)
            status, answer = 200, {"ok": True, "result": result}
        except ClientGoneError:
            self._finish(call, 499, None)
            return None
        except ApiError as exc:
            status, answer = exc.status, exc.body()
        except Exception:
            self.errors.append(traceback.format_exc())
            crash = ApiError(500, "Internal Server Error: FakeTelegram crashed")
            status, answer = 500, crash.body()
        finally:
            self._local.conn = None
        self._finish(call, status, result)
        return status, json.dumps(answer, ensure_ascii=False).encode(), "application/json"

    def _finish(self, call: Call, status: int, result: Any) -> None:
        with self._cond:
            call.status, call.result, call.answered = status, copy.deepcopy(result), True
            self._cond.notify_all()

    def _hold(self, fault: _Fault) -> None:
        """Hold an answer for the fault's delay, or until the test releases it (or the fake
        stops)."""
        if fault.delay:
            self._stop_event.wait(fault.delay)
        if fault.release is not None:
            while not (fault.release.wait(0.05) or self._stop_event.is_set()):
                pass

    def _take_fault(self, method: str) -> _Fault | None:
        queue = self._faults.get(method) or []
        if not queue:
            return None
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.pop(0)
        return fault

    # -- fault injection ----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int | None = None,
        description: str | None = None,
        times: int = 1,
        parameters: JSONDict | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` with an error (429 gives RetryAfter)."""
        parameters = dict(parameters or {})
        if status == HTTPStatus.TOO_MANY_REQUESTS:
            retry_after = 1 if retry_after is None else retry_after
            parameters["retry_after"] = retry_after
            description = description or f"Too Many Requests: retry after {retry_after}"
        if description is None:
            phrases = {int(code): code.phrase for code in HTTPStatus}
            description = DEFAULT_DESCRIPTIONS.get(status, phrases.get(status, f"Error {status}"))
        with self._cond:
            self._faults.setdefault(method, []).append(
                _Fault(ApiError(status, description, parameters or None), 0.0, times)
            )

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the answer to the next `times` calls of `method` (other requests go on)."""
        with self._cond:
            self._faults.setdefault(method, []).append(_Fault(None, seconds, times))

    def hold_next(self, method: str) -> threading.Event:
        """Hold the answer to the next call of `method` until the returned event is set
        (other requests go on)."""
        release = threading.Event()
        with self._cond:
            self._faults.setdefault(method, []).append(_Fault(None, 0.0, 1, release))
        return release

    def clear_faults(self) -> None:
        with self._cond:
            self._faults.clear()

    # -- injection ----------------------------------------------------------------------------

    def _user(
        self,
        user_id: int,
        first_name: str = "Tester",
        language_code: str = "en",
        username: str | None = None,
    ) -> JSONDict:
        user = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": language_code,
        }
        if username:
            user["username"] = username
        self._users[user_id] = user
        return user

    def _user_message(self, chat_id: int, user: JSONDict, chat_type: str) -> JSONDict:
        if chat_type == "private":
            chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                chat["username"] = user["username"]
        else:
            chat = {"id": chat_id, "type": chat_type, "title": "Test Group"}
        return {
            "message_id": self._new_message_id(chat_id),
            "from": user,
            "chat": chat,
            "date": int(time.time()),
        }

    def send_text(
        self,
        text: str,
        *,
        chat_id: int = 4242,
        user_id: int = 4242,
        chat_type: str = "private",
        first_name: str = "Tester",
        language_code: str = "en",
        username: str | None = None,
        reply_to_message: Mapping[str, Any] | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        """Queue a text message from a user; a leading "/word" gets a bot_command entity."""
        with self._cond:
            user = self._user(user_id, first_name, language_code, username)
            message = self._user_message(chat_id, user, chat_type)
            message["text"] = text
            if entities is None and text.startswith("/") and len(text) > 1:
                command = text.split(maxsplit=1)[0]
                entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
            if entities:
                message["entities"] = entities
            if reply_to_message is not None:
                chat = reply_to_message.get("chat") or {}
                stored = self._find(chat.get("id", chat_id), int(reply_to_message["message_id"]))
                message["reply_to_message"] = copy.deepcopy(stored or dict(reply_to_message))
            return self._queue({"message": message})

    def press_button(
        self,
        message: Mapping[str, Any] | Call,
        data: str,
        *,
        user_id: int = 4242,
        chat_id: ChatId | None = None,
    ) -> JSONDict:
        """Queue a callback_query for a button under one of the bot's messages."""
        source = message.result if isinstance(message, Call) else message
        with self._cond:
            chat_id = source["chat"]["id"] if chat_id is None else chat_id
            stored = self._find(chat_id, int(source["message_id"]))
            query_id = f"cbq-{next(self._ids)}"
            self._open_queries.add(query_id)
            user = self._users.get(user_id) or self._user(user_id)
            query = {
                "id": query_id,
                "from": user,
                "chat_instance": f"ci-{chat_id}",
                "message": copy.deepcopy(stored or dict(source)),
                "data": data,
            }
            return self._queue({"callback_query": query})

    def send_document(
        self,
        content: bytes,
        file_name: str,
        mime_type: str,
        *,
        chat_id: int = 4242,
        user_id: int = 4242,
        caption: str | None = None,
        chat_type: str = "private",
    ) -> JSONDict:
        """Register a file (downloadable through getFile) and queue a message carrying it."""
        with self._cond:
            stored = self._register_file(content, file_name, mime_type, "document")
            user = self._users.get(user_id) or self._user(user_id)
            message = self._user_message(chat_id, user, chat_type)
            message["document"] = stored.as_media("document")
            if caption is not None:
                message["caption"] = caption
            return self._queue({"message": message})

    def send_photo(
        self,
        sizes: list[bytes],
        *,
        chat_id: int = 4242,
        user_id: int = 4242,
        caption: str | None = None,
        chat_type: str = "private",
    ) -> JSONDict:
        """Queue a photo as Telegram sends one: a list of sizes, smallest first, each its own
        file (the bot should fetch the largest)."""
        with self._cond:
            photo = []
            for n, data in enumerate(sizes):
                stored = self._register_file(data, f"photo_{n}.jpg", "image/jpeg", "photo")
                side = 90 * (n + 1)
                photo.append(
                    {
                        "file_id": stored.file_id,
                        "file_unique_id": stored.file_unique_id,
                        "width": side,
                        "height": side,
                        "file_size": len(data),
                    }
                )
            user = self._users.get(user_id) or self._user(user_id)
            message = self._user_message(chat_id, user, chat_type)
            message["photo"] = photo
            if caption is not None:
                message["caption"] = caption
            return self._queue({"message": message})

    def send_inline_query(self, query: str, *, user_id: int = 4242, offset: str = "") -> JSONDict:
        with self._cond:
            query_id = f"iq-{next(self._ids)}"
            self._open_queries.add(query_id)
            user = self._users.get(user_id) or self._user(user_id)
            inline = {
                "id": query_id,
                "from": user,
                "query": query,
                "offset": offset,
                "chat_type": "sender",
            }
            return self._queue({"inline_query": inline})

    def send_raw_update(self, update: Mapping[str, Any]) -> JSONDict:
        """Queue any update as given (update_id assigned if absent)."""
        with self._cond:
            return self._queue(dict(update))

    # -- observation --------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self._cond:
            return list(self._calls)

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet confirmed by a getUpdates offset."""
        with self._cond:
            return copy.deepcopy(self._updates)

    def mark(self) -> int:
        """Remember the current call index; later `wait_for` calls look only past it."""
        with self._cond:
            self._mark = len(self._calls)
            return self._mark

    def wait_for(
        self,
        method: str | None = "sendMessage",
        *,
        count: int = 1,
        chat_id: ChatId | None = None,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,
        after: int | None = None,
    ) -> list[Call]:
        """Block until `count` answered calls match (getUpdates counts on arrival)."""

        def matches(call: Call) -> bool:
            return (
                (call.answered or call.method == "getUpdates")
                and (method is None or call.method == method)
                and (chat_id is None or str(call.params.get("chat_id")) == str(chat_id))
                and (predicate is None or predicate(call))
            )

        deadline = time.monotonic() + timeout
        with self._cond:
            start = self._mark if after is None else after
            while True:
                found = [call for call in self._calls[start:] if matches(call)]
                remaining = deadline - time.monotonic()
                if len(found) >= count or remaining <= 0:
                    break
                self._cond.wait(remaining)
            if len(found) >= count:
                return found
            raise AssertionError(
                f"timed out after {timeout}s waiting for {count} x {method or 'any call'}"
                f"{f' to chat {chat_id}' if chat_id is not None else ''} after call #{start}; "
                f"{len(found)} matched.\n{self._dump(start)}"
            )

    async def await_for(self, method: str | None = "sendMessage", **kwargs: Any) -> list[Call]:
        """`wait_for` in a worker thread, so the bot on this event loop keeps running."""
        return await asyncio.to_thread(self.wait_for, method, **kwargs)

    def wait_for_long_poll(self, *, seen_at: float | None = None, timeout: float = 5.0) -> None:
        """Block until a getUpdates long poll is waiting; with `seen_at`, until one has looked
        at the fake's `clock` at that time (or later) and gone on waiting."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._cond.notify_all()  # a poll that looked at an earlier time looks again
            while not any(seen_at is None or t >= seen_at for t in self.long_polls.values()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no long poll waiting (as of {seen_at}) in {timeout}s")
                self._cond.wait(remaining)

    async def await_long_poll(self, **kwargs: Any) -> None:
        """`wait_for_long_poll` in a worker thread."""
        await asyncio.to_thread(self.wait_for_long_poll, **kwargs)

    def _dump(self, start: int) -> str:
        lines, empty_polls = [], 0
        for call in self._calls[max(0, start - 5) :]:
            if call.method == "getUpdates" and not call.result:
                empty_polls += 1
                continue
            params = json.dumps(call.params, ensure_ascii=False, default=str)
            flags = " (faulted)" if call.faulted else ""
            lines.append(f"  #{call.index} {call.method} -> {call.status}{flags} {params[:300]}")
        lines = lines[-25:] or ["  (no calls)"]
        return "Calls:\n" + "\n".join(lines) + f"\n  ({empty_polls} empty getUpdates omitted)"

    def messages(self, chat_id: ChatId) -> list[JSONDict]:
        """The bot's messages in a chat as currently stored (after edits and deletions)."""
        with self._cond:
            stored = self._bot_messages.get(chat_id, {})
            return [copy.deepcopy(stored[key]) for key in sorted(stored)]

    def last_message(self, chat_id: ChatId) -> JSONDict:
        found = self.messages(chat_id)
        if not found:
            raise AssertionError(f"the bot has no message in chat {chat_id}")
        return found[-1]

    def my_commands(
        self, *, scope: JSONDict | None = None, language_code: str = ""
    ) -> list[JSONDict]:
        with self._cond:
            key = self._commands_key({"scope": scope, "language_code": language_code})
            return copy.deepcopy(self._commands.get(key, []))

    def uploaded(self, call: Call, field: str | None = None) -> bytes:
        """The bytes of a sendDocument/sendPhoto upload (or of the file_id it re-sent)."""
        if field is not None:
            return call.files[field][2]
        if len(call.files) == 1:
            return next(iter(call.files.values()))[2]
        for key in ("document", "photo"):
            value = call.params.get(key)
            if isinstance(value, str) and value in self._files:
                return self._files[value].data
        raise AssertionError(f"call #{call.index} {call.method} uploaded no single file")
