"""Plain text: decoding bytes whose encoding nobody declared."""

import codecs

from charset_normalizer import from_bytes

from bot.errors import UnreadableFileError


def decode_text(source: str, data: bytes) -> str:
    """Decode text in UTF-8 (with or without BOM), GBK or GB18030, detected, not assumed."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFileError(source, "the text is in no encoding the bot recognises")
    return str(best)


def looks_like_text(data: bytes) -> bool:
    """True when the start of ``data`` has no NUL byte (UTF-16 with a BOM counts as text)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return b"\x00" not in data[:4096]
