"""A fetched page's text: its bytes decoded by what the server and the page say, checked.

Chinese portals serve GBK, GB2312 and GB18030 as often as UTF-8, and what they declare is not
always true (a server-wide ``charset=ISO-8859-1``, a GB2312 label on GBK text). The order: a
BOM; bytes that are valid UTF-8 are UTF-8; a Chinese or Unicode charset named by the header;
then the page's own ``<meta charset>`` and detection (``bot.readers.html``). A Latin
charset from the header is not trusted: Latin-1 decodes anything, so it proves nothing.
"""

import codecs

from bot.readers.html import decode_html

_GB = frozenset({"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "euc-cn", "gb_2312-80"})
_TRUSTED = frozenset({"big5", "big5hkscs", "utf-8", "euc_jp", "shift_jis", "euc_kr"})


def decode_page(data: bytes, header_charset: str | None = None, name: str = "page") -> str:
    """The text of an HTML page whose Content-Type named ``header_charset`` (or nothing)."""
    codec = _header_codec(header_charset)
    if codec is not None and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE)):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass  # the header was wrong too: let the page and detection decide
    return decode_html(name, data)


def _header_codec(charset: str | None) -> str | None:
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if name in _GB:
        return "gb18030"  # a superset: a page labelled GB2312 often holds GBK characters
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in _TRUSTED else None


def as_utf8_page(text: str) -> bytes:
    """``text`` as UTF-8 with a BOM: the HTML reader then reads it as decoded here, whatever
    the page's own ``<meta charset>`` claims."""
    return codecs.BOM_UTF8 + text.encode("utf-8")
