"""/subscribe, a conversation of a few buttons (which deadlines, which agencies, when), and
/unsubscribe."""

import asyncio
import warnings
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.reminders.plan import Subscription
from bot.service.core import DisclosureService
from bot.texts import Language, en, localized, zh
from handlers.buttons import EndSubscription, SubscribeAction, SubscribeStep
from handlers.common import Context, config_of, language_of, pressed, service_of

DRAFTS_KEY = "subscribe_drafts"
#: Offered besides the configured days before and time of day (reminders.days_before, .time).
OFFSETS = (30, 14, 7, 3, 1, 0)
TIMES = ("08:00", "09:00", "14:00")
_REGIONS_SHOWN = 6
#: A /subscribe left unfinished this long ends by itself.
TIMEOUT_SECONDS = 15 * 60
DEADLINES, AGENCIES, WHEN = range(3)

_TEXT = {"en": en.SUBSCRIBE, "zh": zh.SUBSCRIBE}


def _t(lang: Language, key: str, **values: object) -> str:
    return localized(_TEXT, lang, key, **values)


@dataclass
class Draft:
    """A subscription being put together; it starts from the configured reminders."""

    lang: Language
    deadlines: set[str]
    offsets: set[int]
    at: str
    region: str = ""
    agency_ids: tuple[int, ...] = ()
    times: tuple[str, ...] = TIMES
    choices: tuple[int, ...] = OFFSETS


def _new_draft(context: Context, lang: Language) -> Draft:
    settings = config_of(context).reminders
    at = settings.time.strftime("%H:%M")
    return Draft(
        lang,
        {d.name for d in settings.deadlines},
        set(settings.days_before),
        at,
        times=tuple(sorted({*TIMES, at})),
        choices=tuple(sorted({*OFFSETS, *settings.days_before}, reverse=True)),
    )


def _drafts(context: Context) -> dict[int, Draft]:
    """This chat's drafts, one per user taking part in a /subscribe."""
    if context.chat_data is None:
        return {}
    store = context.chat_data.setdefault(DRAFTS_KEY, {})
    assert isinstance(store, dict)
    return store


def _draft(update: Update, context: Context) -> Draft | None:
    user = update.effective_user
    return _drafts(context).get(user.id) if user else None


def _button(text: str, action: SubscribeAction, value: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=SubscribeStep(action, value))


def _deadline_markup(context: Context, draft: Draft) -> InlineKeyboardMarkup:
    rows = [
        [
            _button(
                ("✓ " if d.name in draft.deadlines else "") + d.name,
                SubscribeAction.DEADLINE,
                d.name,
            )
        ]
        for d in config_of(context).reminders.deadlines
    ]
    return InlineKeyboardMarkup([*rows, [_button(_t(draft.lang, "next"), SubscribeAction.NEXT)]])


def _agency_markup(service: DisclosureService, lang: Language) -> InlineKeyboardMarkup:
    regions = sorted(service.agency_index().regions.values(), key=lambda r: -len(r.members))
    rows = [[_button(_t(lang, "all"), SubscribeAction.ALL)]]
    rows += [[_button(r.name, SubscribeAction.REGION, r.name)] for r in regions[:_REGIONS_SHOWN]]
    return InlineKeyboardMarkup(rows)


def _when_markup(draft: Draft) -> InlineKeyboardMarkup:
    days = [
        _button(("✓" if o in draft.offsets else "") + str(o), SubscribeAction.OFFSET, str(o))
        for o in draft.choices
    ]
    times = [
        _button(("✓" if t == draft.at else "") + t, SubscribeAction.TIME, t) for t in draft.times
    ]
    return InlineKeyboardMarkup(
        [days, times, [_button(_t(draft.lang, "save"), SubscribeAction.SAVE)]]
    )


async def subscribe(update: Update, context: Context) -> int:
    """/subscribe: the first step, which deadlines (all ticked to start with)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return ConversationHandler.END
    lang = language_of(update, context)
    draft = _new_draft(context, lang)
    _drafts(context)[user.id] = draft
    await message.reply_text(_t(lang, "deadlines"), reply_markup=_deadline_markup(context, draft))
    return DEADLINES


async def _step(update: Update, context: Context) -> tuple[Message, SubscribeStep, Draft] | None:
    """The pressed step, its message and the user's draft; ``None`` (and "expired") when the
    draft is gone."""
    press = pressed(update, SubscribeStep)
    if press is None:
        return None
    query, step = press
    message = query.message
    if not isinstance(message, Message):
        return None
    await query.answer()
    draft = _draft(update, context)
    if draft is None:
        await query.edit_message_text(_t(language_of(update, context), "expired"))
        return None
    return message, step, draft


async def choose_deadlines(update: Update, context: Context) -> int:
    """Tick or untick a deadline; [Next ›] moves on to the agencies."""
    if (found := await _step(update, context)) is None:
        return ConversationHandler.END
    message, step, draft = found
    if step.action is SubscribeAction.DEADLINE:
        draft.deadlines ^= {step.value}
        await message.edit_text(
            _t(draft.lang, "deadlines"), reply_markup=_deadline_markup(context, draft)
        )
        return DEADLINES
    markup = await asyncio.to_thread(_agency_markup, service_of(context), draft.lang)
    await message.edit_text(_t(draft.lang, "agencies"), reply_markup=markup)
    return AGENCIES


async def choose_region(update: Update, context: Context) -> int:
    """[All indexed agencies] or a region's button."""
    if (found := await _step(update, context)) is None:
        return ConversationHandler.END
    message, step, draft = found
    draft.region = step.value if step.action is SubscribeAction.REGION else ""
    await message.edit_text(_t(draft.lang, "when"), reply_markup=_when_markup(draft))
    return WHEN


def _read_agencies(service: DisclosureService, text: str) -> tuple[str, tuple[int, ...]] | None:
    """The region, or the agencies, a typed reply names; ``None`` when it names neither."""
    index = service.agency_index()
    if text in index.regions:
        return text, ()
    found = index.find(text)
    ids = tuple(m.best.agency.id for m in found.agencies if m.best.agency)
    region = found.regions[0].region.name if found.regions and found.regions[0].region else ""
    if not ids and not region:
        return None
    return (region, ()) if region and not ids else ("", ids)


async def typed_agencies(update: Update, context: Context) -> int:
    """A region or a list of agency names typed instead of tapping a region."""
    message, draft = update.effective_message, _draft(update, context)
    if message is None or not message.text or draft is None:
        return ConversationHandler.END
    text = message.text.strip()
    read = await asyncio.to_thread(_read_agencies, service_of(context), text)
    if read is None:
        await message.reply_text(_t(draft.lang, "unknown", text=text))
        return AGENCIES
    draft.region, draft.agency_ids = read
    await message.reply_text(_t(draft.lang, "when"), reply_markup=_when_markup(draft))
    return WHEN


async def choose_when(update: Update, context: Context) -> int:
    """Tick days before, pick the time; [Save] ends the conversation."""
    if (found := await _step(update, context)) is None:
        return ConversationHandler.END
    message, step, draft = found
    if step.action is SubscribeAction.OFFSET and step.value.isdigit():
        draft.offsets ^= {int(step.value)}
    elif step.action is SubscribeAction.TIME and step.value in draft.times:
        draft.at = step.value
    elif step.action is SubscribeAction.SAVE and draft.offsets:
        await _save(update, context, message, draft)
        return ConversationHandler.END
    await message.edit_text(_t(draft.lang, "when"), reply_markup=_when_markup(draft))
    return WHEN


async def _save(update: Update, context: Context, message: Message, draft: Draft) -> None:
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
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
    service = service_of(context)
    now = datetime.now(config_of(context).reminders.timezone)
    await asyncio.to_thread(service.subscribe, plan, now=now)
    _drafts(context).pop(user.id, None)
    who = draft.region or (
        f"{len(draft.agency_ids)}" if draft.agency_ids else _t(draft.lang, "all")
    )
    days = ", ".join(str(o) for o in sorted(draft.offsets, reverse=True))
    names = ", ".join(sorted(draft.deadlines)) or "—"
    await message.edit_text(
        _t(draft.lang, "saved", deadlines=names, agencies=who, days=days, at=draft.at)
    )


async def cancel(update: Update, context: Context) -> int:
    """/cancel during a /subscribe: nothing saved."""
    user, message = update.effective_user, update.effective_message
    if user is not None:
        _drafts(context).pop(user.id, None)
    if message is not None:
        await message.reply_text(_t(language_of(update, context), "cancelled"))
    return ConversationHandler.END


async def stale_step(update: Update, context: Context) -> None:
    """A /subscribe button pressed after its conversation ended (saved, timed out, or
    another /subscribe started)."""
    if (press := pressed(update, SubscribeStep)) is not None:
        await press[0].answer(_t(language_of(update, context), "expired"))


def _is(*actions: SubscribeAction) -> Any:
    def check(data: object) -> bool:
        return isinstance(data, SubscribeStep) and data.action in actions

    return check


def conversation() -> ConversationHandler[Context]:
    """/subscribe as python-telegram-bot's ConversationHandler, per chat and user."""
    text = filters.TEXT & ~filters.COMMAND
    with warnings.catch_warnings():
        # per_message=False on purpose: the conversation belongs to the chat and the user who
        # started it, and its buttons all sit on the messages it sent; PTB warns regardless
        warnings.filterwarnings("ignore", "If 'per_message=False'", PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("subscribe", subscribe)],
            states={
                DEADLINES: [
                    CallbackQueryHandler(
                        choose_deadlines,
                        pattern=_is(SubscribeAction.DEADLINE, SubscribeAction.NEXT),
                    )
                ],
                AGENCIES: [
                    CallbackQueryHandler(
                        choose_region, pattern=_is(SubscribeAction.ALL, SubscribeAction.REGION)
                    ),
                    MessageHandler(text, typed_agencies),
                ],
                WHEN: [
                    CallbackQueryHandler(
                        choose_when,
                        pattern=_is(
                            SubscribeAction.OFFSET, SubscribeAction.TIME, SubscribeAction.SAVE
                        ),
                    )
                ],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            allow_reentry=True,
            conversation_timeout=TIMEOUT_SECONDS,
            name="subscribe",
        )


async def unsubscribe(update: Update, context: Context) -> None:
    """/unsubscribe: this chat's subscriptions, each with a button to end it."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    lang = language_of(update, context)
    subs = await asyncio.to_thread(service_of(context).subscriptions, chat.id)
    if not subs:
        await message.reply_text(_t(lang, "none"))
        return
    lines = [_t(lang, "list")] + [
        f"#{s.id}: {', '.join(s.deadlines) or '*'} · {s.region or len(s.agency_ids) or '*'} · "
        f"{s.at.strftime('%H:%M')}"
        for s in subs
    ]
    rows = [
        [InlineKeyboardButton(_t(lang, "end", id=s.id), callback_data=EndSubscription(s.id))]
        for s in subs
    ]
    rows.append([InlineKeyboardButton(_t(lang, "end_all"), callback_data=EndSubscription(None))])
    await message.reply_text("\n".join(lines), reply_markup=InlineKeyboardMarkup(rows))


async def end(update: Update, context: Context) -> None:
    """An [End] button: only this chat's subscriptions can be ended from it."""
    press, chat = pressed(update, EndSubscription), update.effective_chat
    if press is None or chat is None:
        return
    query, ending = press
    service = service_of(context)
    count = await asyncio.to_thread(service.end_subscription, chat.id, ending.subscription_id)
    await query.answer()
    await query.edit_message_text(_t(language_of(update, context), "ended", count=count))
