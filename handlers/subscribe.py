"""/subscribe, a few buttons: which deadlines, which agencies, when; and /unsubscribe."""

import secrets
from dataclasses import dataclass, field
from datetime import datetime, time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import ApplicationHandlerStop

from bot.answers.texts import localized
from bot.reminders.plan import Subscription
from handlers.common import Context, config_of, language_of, service_of
from store import subscriptions as repo

DRAFTS_KEY = "subscribe_drafts"
AWAITING_KEY = "subscribe_awaiting"
OFFSETS = (30, 14, 7, 3, 1, 0)
TIMES = ("08:00", "09:00", "14:00")
_REGIONS_SHOWN = 6

_TEXT = {
    "en": {
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
    },
    "zh": {
        "deadlines": "提醒本群/本聊天哪些期限？",
        "agencies": "跟踪哪些机构？点选地区，或发送地区名称或机构名称（用逗号分隔）。",
        "all": "所有已收录机构",
        "when": "何时提醒？期限前几天，以及时间：",
        "next": "下一步 ›",
        "save": "保存",
        "saved": "已订阅：{deadlines}；{agencies}；提前{days}天，{at}。",
        "unknown": "没有找到名为“{text}”的地区或机构，请重试。",
        "none": "本聊天没有订阅。",
        "end": "结束 #{id}",
        "end_all": "全部结束",
        "ended": "已结束{count}个订阅。",
        "list": "本聊天的订阅：",
        "expired": "已过期，请重新发送 /subscribe。",
    },
}


def _t(lang: str, key: str, **values: object) -> str:
    return localized(_TEXT, lang, key, **values)


@dataclass
class Draft:
    """A subscription being put together."""

    lang: str
    deadlines: set[str] = field(default_factory=set)
    region: str = ""
    agency_ids: tuple[int, ...] = ()
    offsets: set[int] = field(default_factory=lambda: set(OFFSETS))
    at: str = "09:00"


def _drafts(context: Context) -> dict[str, Draft]:
    if context.chat_data is None:
        return {}
    store = context.chat_data.setdefault(DRAFTS_KEY, {})
    assert isinstance(store, dict)
    return store


def _button(text: str, token: str, action: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=f"sub:{token}:{action}"[:64])


def _deadline_markup(context: Context, token: str, draft: Draft) -> InlineKeyboardMarkup:
    deadlines = config_of(context).reminders.deadlines
    rows = [
        [_button(("✓ " if d.name in draft.deadlines else "") + d.name, token, f"d{i}")]
        for i, d in enumerate(deadlines)
    ]
    return InlineKeyboardMarkup([*rows, [_button(_t(draft.lang, "next"), token, "agencies")]])


def _agency_markup(context: Context, token: str, draft: Draft) -> InlineKeyboardMarkup:
    regions = sorted(
        service_of(context).agency_index().regions.values(), key=lambda r: -len(r.members)
    )[:_REGIONS_SHOWN]
    rows = [[_button(_t(draft.lang, "all"), token, "all")]]
    rows += [[_button(r.name, token, f"r{r.name}")] for r in regions]
    return InlineKeyboardMarkup(rows)


def _when_markup(token: str, draft: Draft) -> InlineKeyboardMarkup:
    days = [_button(("✓" if o in draft.offsets else "") + str(o), token, f"o{o}") for o in OFFSETS]
    times = [_button(("✓" if t == draft.at else "") + t, token, f"t{t}") for t in TIMES]
    return InlineKeyboardMarkup([days, times, [_button(_t(draft.lang, "save"), token, "save")]])


async def subscribe(update: Update, context: Context) -> None:
    """/subscribe: the first step, which deadlines (all ticked to start with)."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    draft = Draft(lang, {d.name for d in config_of(context).reminders.deadlines})
    token = secrets.token_hex(4)
    drafts = _drafts(context)
    drafts[token] = draft
    while len(drafts) > 5:
        drafts.pop(next(iter(drafts)))
    await message.reply_text(
        _t(lang, "deadlines"), reply_markup=_deadline_markup(context, token, draft)
    )


async def step(update: Update, context: Context) -> None:
    """A button of the /subscribe walk: toggle, move on, or save."""
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    _, token, action = [*query.data.split(":", 2), "", ""][:3]
    draft = _drafts(context).get(token)
    await query.answer()
    if draft is None:
        await query.edit_message_text(_t(language_of(update, context), "expired"))
        return
    await _apply(update, context, query.message, token=token, draft=draft, action=action)


async def _apply(
    update: Update, context: Context, message: Message, *, token: str, draft: Draft, action: str
) -> None:
    deadlines = config_of(context).reminders.deadlines
    if action.startswith("d") and action[1:].isdigit() and int(action[1:]) < len(deadlines):
        draft.deadlines ^= {deadlines[int(action[1:])].name}
        await message.edit_text(
            _t(draft.lang, "deadlines"), reply_markup=_deadline_markup(context, token, draft)
        )
    elif action == "agencies":
        if context.chat_data is not None:
            context.chat_data[AWAITING_KEY] = token
        await message.edit_text(
            _t(draft.lang, "agencies"), reply_markup=_agency_markup(context, token, draft)
        )
    elif action == "all" or action.startswith("r"):
        draft.region = action[1:] if action.startswith("r") else ""
        await _ask_when(context, message, token, draft)
    elif action.startswith("o") and action[1:].isdigit():
        draft.offsets ^= {int(action[1:])}
        await message.edit_text(_t(draft.lang, "when"), reply_markup=_when_markup(token, draft))
    elif action.startswith("t") and action[1:] in TIMES:
        draft.at = action[1:]
        await message.edit_text(_t(draft.lang, "when"), reply_markup=_when_markup(token, draft))
    elif action == "save":
        await _save(update, context, message, token, draft)


async def _ask_when(context: Context, message: Message, token: str, draft: Draft) -> None:
    if context.chat_data is not None:
        context.chat_data.pop(AWAITING_KEY, None)
    await message.edit_text(_t(draft.lang, "when"), reply_markup=_when_markup(token, draft))


async def typed_agencies(update: Update, context: Context) -> None:
    """While /subscribe waits for agencies, a typed region or list of names answers it."""
    message = update.effective_message
    token = context.chat_data.get(AWAITING_KEY) if context.chat_data else None
    draft = _drafts(context).get(token) if isinstance(token, str) else None
    if message is None or not message.text or draft is None or token is None:
        return
    index = service_of(context).agency_index()
    text = message.text.strip()
    if text in index.regions:
        draft.region = text
    else:
        found = index.find(text)
        ids = tuple(m.best.agency.id for m in found.agencies if m.best.agency)
        region = found.regions[0].region.name if found.regions and found.regions[0].region else ""
        if not ids and not region:
            await message.reply_text(_t(draft.lang, "unknown", text=text))
            raise ApplicationHandlerStop
        draft.region, draft.agency_ids = (region, ()) if region and not ids else ("", ids)
    sent = await message.reply_text(
        _t(draft.lang, "when"), reply_markup=_when_markup(token, draft)
    )
    await _ask_when(context, sent, token, draft)
    raise ApplicationHandlerStop


async def _save(
    update: Update, context: Context, message: Message, token: str, draft: Draft
) -> None:
    chat = update.effective_chat
    if chat is None or not draft.offsets:
        return
    plan = Subscription(
        0,
        chat.id,
        tuple(sorted(draft.deadlines)),
        tuple(sorted(draft.offsets)),
        time.fromisoformat(draft.at),
        draft.region,
        draft.agency_ids,
        draft.lang,
    )
    config = config_of(context)
    repo.add_subscription(
        service_of(context).db, plan=plan, now=datetime.now(config.reminders.timezone)
    )
    _drafts(context).pop(token, None)
    who = draft.region or (
        f"{len(draft.agency_ids)}" if draft.agency_ids else _t(draft.lang, "all")
    )
    days = ", ".join(str(o) for o in sorted(draft.offsets, reverse=True))
    names = ", ".join(sorted(draft.deadlines)) or "—"
    await message.edit_text(
        _t(draft.lang, "saved", deadlines=names, agencies=who, days=days, at=draft.at)
    )


async def unsubscribe(update: Update, context: Context) -> None:
    """/unsubscribe: this chat's subscriptions, each with a button to end it."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    lang = language_of(update, context)
    subs = repo.subscriptions(service_of(context).db, chat_id=chat.id)
    if not subs:
        await message.reply_text(_t(lang, "none"))
        return
    lines = [_t(lang, "list")] + [
        f"#{s.id}: {', '.join(s.deadlines) or '*'} · {s.region or len(s.agency_ids) or '*'} · "
        f"{s.at.strftime('%H:%M')}"
        for s in subs
    ]
    rows = [
        [InlineKeyboardButton(_t(lang, "end", id=s.id), callback_data=f"unsub:{s.id}")]
        for s in subs
    ]
    rows.append([InlineKeyboardButton(_t(lang, "end_all"), callback_data="unsub:all")])
    await message.reply_text("\n".join(lines), reply_markup=InlineKeyboardMarkup(rows))


async def end(update: Update, context: Context) -> None:
    """An [End] button: only this chat's subscriptions can be ended from it."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or query.data is None or chat is None:
        return
    target = query.data.removeprefix("unsub:")
    sub_id = int(target) if target.isdigit() else None
    count = repo.end_subscription(service_of(context).db, chat_id=chat.id, subscription_id=sub_id)
    await query.answer()
    await query.edit_message_text(_t(language_of(update, context), "ended", count=count))
