"""A local web server standing in for a government portal, recording every request.

It serves routes registered by path on 127.0.0.1 (a ``ThreadingHTTPServer`` in a thread), so
tests fetch real pages over real sockets and prove from ``requests`` what was fetched and
what was not. Slow routes wait on ``release`` (set when the server stops), never on a clock.
"""

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Route:
    """What the server answers at one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Leave out Content-Length (the body ends when the connection closes).
    no_length: bool = False
    #: Send the body as this many repeats of ``body`` (a huge file without building it).
    repeat: int = 1
    #: Wait for the server's ``release`` event before answering (a server that hangs).
    hang: bool = False
    #: Answer from a function of the request's headers instead (conditional requests).
    handler: Callable[[dict[str, str]], "Route"] | None = None


class PortalServer:
    """Routes by path, a record of requests, and ``url(path)`` for the client."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        with self._lock:
            return [seen.path for seen in self.requests]

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)

    def __enter__(self) -> "PortalServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


def _handler_for(server: PortalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            headers = {name.lower(): value for name, value in self.headers.items()}
            server.record(Seen("GET", self.path, headers))
            route = server.routes.get(self.path, Route(404, b"<h1>404 Not Found</h1>"))
            if route.handler is not None:
                route = route.handler(headers)
            if route.hang:
                server.release.wait()
                return
            self._answer(route)

        def _answer(self, route: Route) -> None:
            self.send_response(route.status)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if not route.no_length:
                self.send_header("Content-Length", str(len(route.body) * route.repeat))
            self.end_headers()
            try:
                for chunk in _chunks(route):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what a size limit does

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler


def _chunks(route: Route) -> Iterator[bytes]:
    for _ in range(route.repeat):
        yield route.body
