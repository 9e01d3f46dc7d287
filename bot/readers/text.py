"""Plain text: decoding bytes whose encoding nobody declared."""

import codecs

from charset_normalizer import from_bytes

from bot.errors import UnreadableFileError

_BOM_UTF32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_BOM_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(source: str, data: bytes) -> str:
    """Decode text in UTF-8 (with or without BOM), GBK or GB18030, detected, not assumed."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith(_BOM_UTF32):  # before UTF-16: FF FE 00 00 starts with FF FE
        return data.decode("utf-32", errors="replace")
    if data.startswith(_BOM_UTF16):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # UTF-8 with a few broken bytes (a damaged download) is still UTF-8: a guess would read
    # all of it wrong, where U+FFFD loses only the broken characters
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= len(text) // 100:
        return text
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFileError(
            source,
            "the text is in no encoding the bot recognises (UTF-8, GBK, GB18030, UTF-16):"
            " it may be damaged, or not text",
        )
    return str(best)


def looks_like_text(data: bytes) -> bool:
    """True when the start of ``data`` has no NUL byte (UTF-16 or -32 with a BOM counts)."""
    if data.startswith((*_BOM_UTF16, *_BOM_UTF32)):
        return True
    return b"\x00" not in data[:4096]
