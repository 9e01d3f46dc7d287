"""A file name for what was downloaded: the server's, the link's, or one made from its type.

The name is shown to the administrators and its extension helps the readers tell plain text
from HTML; the content decides the format otherwise. Chinese portals often send the name in
Content-Disposition as raw GBK bytes, or percent-encode GBK in the link: both are read.
"""

import re
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote_to_bytes

import httpx

#: Extensions given to a name that has none the readers know, by the server's media type.
SUFFIXES = {
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/kswps": ".wps",
    "application/vnd.ms-works": ".wps",
    "application/wps-office.wps": ".wps",
    "application/wps-office.doc": ".doc",
    "application/wps-office.docx": ".docx",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
}
_KNOWN = frozenset(SUFFIXES.values()) | {".htm", ".shtml", ".xhtml", ".md"}
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")
_MAX_NAME = 120


def file_name(response: httpx.Response, url: httpx.URL, media_type: str) -> str:
    """The name the server gave (Content-Disposition), else the link's last path segment,
    else ``download``; with the media type's extension when it has none the readers know."""
    name = _disposition_name(response) or _path_name(url) or "download"
    name = _UNSAFE.sub("_", name).strip(" .") or "download"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in _KNOWN and media_type in SUFFIXES:
        name += SUFFIXES[media_type]
    if len(name) > _MAX_NAME:
        path = PurePosixPath(name)
        name = path.stem[: _MAX_NAME - len(path.suffix)] + path.suffix
    return name


def _disposition_name(response: httpx.Response) -> str | None:
    raw = next((v for k, v in response.headers.raw if k.lower() == b"content-disposition"), None)
    if raw is None:
        return None
    message = Message()
    message["content-disposition"] = _decode(raw)
    name = message.get_filename()  # understands filename*=UTF-8''… (RFC 2231) too
    return PurePosixPath(name.replace("\\", "/")).name if name else None


def _path_name(url: httpx.URL) -> str | None:
    segment = url.raw_path.split(b"?")[0].rstrip(b"/").rsplit(b"/", 1)[-1]
    return _decode(unquote_to_bytes(segment)) or None


def _decode(raw: bytes) -> str:
    """Bytes of a header or a path as text: UTF-8 if they are, else GB18030, else Latin-1."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")
