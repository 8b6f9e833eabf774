"""Email alerts: "tell me when applications open" for one programme, or news of every programme.

Double opt-in: a request (rate-limited, answered the same whether or not the address is
already subscribed) only queues ``forms.alert_tasks.request_alert``; the worker stores the
request and emails a signed confirmation link (``forms.links``, 24 hours). Only a confirmed
subscription gets alerts. Each alert carries a signed unsubscribe link that never expires
(in the body and in the ``List-Unsubscribe`` header, with one-click ``List-Unsubscribe-Post``);
unsubscribing deletes the subscription.

A new intake is an application form published for the first time. The worker's
``announce_new_intake`` task emails its news (when its applications open, in UK time) to each
subscription confirmed before it was published, once per intake. A form "opens" at its
``opens_at``, or when first published if that is later; the ``send_opening_alerts`` task then
emails each subscription confirmed before that moment, once per opening. Publishing a form
queues both (the opening alerts for the opening moment), and ``manage.py send_opening_alerts``
(cron) catches anything a queue could not defer. An intake already open when it is published
gets one email, its news, which counts as its opening alert too. ``AlertDelivery`` records
each email sent, in the same transaction that sends it, so no run sends one twice.
"""

import datetime as dt
import logging
import smtplib

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forms import links, personal_data
from forms.choices import FormPurpose, Window
from forms.emails import page_link, site_url
from forms.models import AlertDelivery, AlertKind, AlertSubscription, ApplicationFormPage
from home.queries import public_q

logger = logging.getLogger(__name__)

#: A confirmed subscription lasts this long; an unconfirmed request as long as its link, and a day.
RETENTION_MONTHS = 24
UNCONFIRMED_DAYS = 2


def normalise(email):
    return email.strip().lower()


def store_request(email, programme_id, language):
    """The subscription to confirm for this request, or None when it is already confirmed."""
    subscription, _created = AlertSubscription.objects.get_or_create(
        email=normalise(email), programme_id=programme_id, defaults={"language": language}
    )
    if subscription.confirmed_at:
        return None
    if subscription.language != language:
        AlertSubscription.objects.filter(pk=subscription.pk).update(language=language)
        subscription.language = language
    return subscription


def token_for(purpose, subscription):
    return links.make_token(purpose, {"id": subscription.pk, "email": subscription.email})


def subscription_from(purpose, token):
    """The subscription a signed link names (LinkInvalid/LinkExpired, or None once it is gone)."""
    payload = links.read_token(purpose, token)
    return (
        AlertSubscription.objects.select_related("programme")
        .filter(pk=payload.get("id"), email=payload.get("email"))
        .first()
    )


def confirm(subscription):
    if not subscription.confirmed_at:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])


def topic(subscription):
    """What the alert is about, for people: the programme, or every programme."""
    return subscription.programme.title if subscription.programme else _("every programme")


def email(subscription, subject, lines, unsubscribe=True):
    """A plain-text email in the subscriber's language; alerts carry the one-click unsubscribe."""
    headers = {}
    body = [_("Hello,"), "", *lines, ""]
    if unsubscribe:
        url = site_url(
            reverse("alerts:unsubscribe", args=[token_for(links.LinkPurpose.UNSUBSCRIBE, subscription)])
        )
        body += [_("To stop these emails, open this link (you do not need to sign in):"), url, ""]
        headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    body.append(_("Return to Work"))
    return EmailMessage(
        subject=subject,
        body="\n".join(body),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers=headers,
    )


def confirmation_email(subscription):
    with translation.override(subscription.language):
        token = token_for(links.LinkPurpose.CONFIRM_ALERT, subscription)
        link = site_url(reverse("alerts:confirm", args=[token]))
        hours = int(links.LINK_LIFETIME.total_seconds() // 3600)
        return email(
            subscription,
            _("Confirm your email alerts"),
            [
                _(
                    "Someone asked us to email this address about new intakes of %(topic)s: when one is "
                    "announced, and again when its applications open."
                )
                % {"topic": topic(subscription)},
                _("If that was you, confirm it with this link (it works for %(hours)s hours):")
                % {"hours": hours},
                "",
                link,
                "",
                _("If you did not ask for this, ignore this email: we will not email you again."),
            ],
            unsubscribe=False,
        )


def uk_time(moment):
    """``moment`` as alerts write it: its date and time in the UK (in the active language)."""
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def closing_lines(form):
    if not form.closes_at:
        return []
    return [_("They close at %(closes)s (UK time).") % {"closes": uk_time(form.closes_at)}]


def opening_email(subscription, form, programme, link):
    """The "applications are open" email; ``link`` is the form's address (``page_link``)."""
    with translation.override(subscription.language):
        lines = [_("Applications for %(programme)s are open.") % {"programme": programme.title}]
        lines += closing_lines(form)
        lines += ["", _("Read about the programme and apply:"), link, ""]
        return email(
            subscription, _("Applications are open: %(programme)s") % {"programme": programme.title}, lines
        )


def intake_email(subscription, form, programme, is_open, link):
    """A new intake's news: when its applications open, or that they are open now (``is_open``);
    ``link`` is the form's address (``page_link``)."""
    with translation.override(subscription.language):
        names = {"programme": programme.title, "opens": uk_time(opened_at(form))}
        if is_open:
            subject = _("New intake, open now: %(programme)s") % names
            news = _("%(programme)s has a new intake, open for applications since %(opens)s (UK time).")
            lines = [news % names]
            lines += closing_lines(form)
            lines += ["", _("Read about the programme and apply:")]
        else:
            subject = _("New intake: %(programme)s") % names
            news = _("%(programme)s has a new intake. Applications open at %(opens)s (UK time).")
            lines = [news % names]
            lines += closing_lines(form)
            lines += [_("We will email you again when they open."), "", _("Read about the new intake:")]
        return email(subscription, subject, [*lines, link, ""])


def opened_at(form):
    """The moment a form opened: its opening time, or its first publication if that came later."""
    moments = [moment for moment in (form.opens_at, form.first_published_at) if moment]
    return max(moments, default=None)


def application_forms():
    """Live, public application forms (not sign-ups): the forms alerts are about."""
    return (
        ApplicationFormPage.objects.live()
        .select_related("locale")
        .filter(public_q(), purpose=FormPurpose.APPLICATION)
    )


def open_forms(now):
    """Live, public application forms open at ``now``."""
    candidates = (
        application_forms().filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now)).exclude(closes_at__lt=now)
    )
    return [form for form in candidates if form.window_state(now).is_open]


def subscribers(form, programme, confirmed_by):
    """Subscriptions to ``form``'s news confirmed by ``confirmed_by``: its programme's, and those of
    every programme in the form's language (so a programme's English and Welsh forms of one intake
    do not both email them)."""
    return (
        AlertSubscription.objects.for_programme(programme.pk)
        .filter(confirmed_at__lte=confirmed_by)
        .filter(Q(programme__isnull=False) | Q(language=form.locale.language_code))
        .select_related("programme")
    )


def not_sent(form, kind, **fields):
    """Excludes subscriptions that have had the ``kind`` alert about ``form`` (with ``fields``)."""
    sent = AlertDelivery.objects.filter(subscription=OuterRef("pk"), page=form, kind=kind, **fields)
    return ~Exists(sent)


def send_once(message, deliveries):
    """Records ``deliveries`` and sends ``message`` in one transaction: False, sending nothing, when
    another run has recorded one of them, or when the mail server refuses it (that failed send
    records nothing, so the next run tries again; the other subscribers still get theirs)."""
    try:
        with transaction.atomic():
            for delivery in deliveries:
                delivery.save()
            message.send()
    except IntegrityError:
        return False
    except (smtplib.SMTPException, OSError):
        logger.exception("Alert email to %s not sent; the next run tries again", message.to)
        return False
    return True


def send_opening_alerts(now=None):
    """Emails every subscription confirmed before a form opened that has not had that form's alert."""
    now = now or timezone.now()
    sent = 0
    for form in open_forms(now):
        programme = form.get_programme()
        moment = opened_at(form)
        if programme is None or moment is None:
            continue
        due = subscribers(form, programme, moment).filter(not_sent(form, AlertKind.OPENING, opened_at=moment))
        link = page_link(form)
        for subscription in due:
            delivery = AlertDelivery(subscription=subscription, page=form, opened_at=moment)
            sent += send_once(opening_email(subscription, form, programme, link), [delivery])
    return sent


def announce_intake(form_id, now=None):
    """Emails a newly published intake's news to the subscriptions confirmed before it was published.

    Once per subscriber and intake; an intake open already also counts as their opening alert
    (one email, not two). Sends nothing for a form that is closed, gone or not public.
    """
    now = now or timezone.now()
    form = application_forms().filter(pk=form_id).first()
    programme = form.get_programme() if form else None
    state = form.window_state(now) if programme else None
    if state is None or state.state == Window.CLOSED:
        return 0
    due = subscribers(form, programme, form.first_published_at).filter(not_sent(form, AlertKind.NEW_INTAKE))
    sent, link = 0, page_link(form)
    for subscription in due:
        deliveries = [AlertDelivery(subscription=subscription, page=form, kind=AlertKind.NEW_INTAKE)]
        if state.is_open:
            deliveries.append(AlertDelivery(subscription=subscription, page=form, opened_at=opened_at(form)))
        sent += send_once(intake_email(subscription, form, programme, state.is_open, link), deliveries)
    return sent


def expired(now):
    """Confirmed subscriptions older than RETENTION_MONTHS; unconfirmed ones after UNCONFIRMED_DAYS."""
    unconfirmed = Q(confirmed_at__isnull=True, created_at__lt=now - dt.timedelta(days=UNCONFIRMED_DAYS))
    old = Q(confirmed_at__lt=now - relativedelta(months=RETENTION_MONTHS))
    return AlertSubscription.objects.filter(unconfirmed | old)


def export(rows):
    rows = rows.select_related("programme").annotate(alerts_sent=Count("deliveries")).order_by("pk")
    return personal_data.Exported(
        records=[
            {
                "email": row.email,
                "about": topic(row),
                "asked_at": row.created_at.isoformat(),
                "confirmed_at": row.confirmed_at.isoformat() if row.confirmed_at else None,
                "alerts_sent": row.alerts_sent,
            }
            for row in rows.select_related("programme")
            .annotate(alerts_sent=Count("deliveries"))
            .order_by("pk")
        ]
    )


def delete(rows):
    _total, by_model = AlertSubscription.objects.filter(pk__in=rows.values("pk")).delete()
    return personal_data.Deleted(count=by_model.get(AlertSubscription._meta.label, 0))


def notice():
    return [
        f"Email alerts you asked for (your email address, the programme, when you asked and confirmed): "
        f"until you unsubscribe with the link in every alert, or {RETENTION_MONTHS} months after you "
        f"confirmed; a request you did not confirm, after {UNCONFIRMED_DAYS} days."
    ]


def register_kind():
    personal_data.register(
        personal_data.DataKind(
            name="alerts",
            label="Email alerts",
            model=AlertSubscription,
            for_email=lambda address: AlertSubscription.objects.filter(email__iexact=normalise(address)),
            export=export,
            delete=delete,
            notice=notice,
            expired=expired,
            programme="programme",
        )
    )
