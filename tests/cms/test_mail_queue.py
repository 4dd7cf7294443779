"""Outgoing mail is queued as a background task (cms/mail.py) and sent by it with the delivery backend."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django_tasks_db.models import DBTaskResult

from cms.mail import email_from_data, email_to_data

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = LOCMEM


def test_the_settings_queue_mail_and_deliver_it_with_the_configured_backend():
    from django.conf import settings

    assert settings.EMAIL_DELIVERY_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    # pytest-django swaps EMAIL_BACKEND for locmem in tests; the module's own value is the queue:
    import cms.settings

    assert cms.settings.EMAIL_BACKEND == "cms.mail.QueuedEmailBackend"


def test_a_message_sent_in_a_request_is_delivered_by_the_task(queued_mail):
    assert send_mail("Hola", "Tu cuenta está lista.", "semilla@example.org", ["ana@example.org"]) == 1
    assert len(mail.outbox) == 1  # the immediate task backend (tests) ran the task at once
    sent = mail.outbox[0]
    assert (sent.subject, sent.body, sent.from_email, sent.to) == (
        "Hola",
        "Tu cuenta está lista.",
        "semilla@example.org",
        ["ana@example.org"],
    )


def test_with_the_database_backend_the_message_waits_for_the_worker(queued_mail, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    send_mail("Hola", "Texto", "semilla@example.org", ["ana@example.org"])
    assert mail.outbox == []  # nothing left the request
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "cms.mail.email_send_task" and queued.args_kwargs["kwargs"]["message"]["to"] == [
        "ana@example.org"
    ]


def test_html_alternatives_attachments_and_headers_survive_the_queue():
    message = EmailMultiAlternatives(
        "Asunto",
        "Texto",
        "a@example.org",
        ["b@example.org"],
        cc=["c@example.org"],
        bcc=["d@example.org"],
        reply_to=["e@example.org"],
        headers={"X-Semilla": "1"},
    )
    message.attach_alternative("<p>Texto</p>", "text/html")
    message.attach("plan.csv", "a,b\n", "text/csv")
    message.attach("logo.png", b"\x89PNG\x00", "image/png")
    again = email_from_data(email_to_data(message))
    assert (again.subject, again.body, again.from_email) == ("Asunto", "Texto", "a@example.org")
    assert (again.to, again.cc, again.bcc, again.reply_to) == (
        ["b@example.org"],
        ["c@example.org"],
        ["d@example.org"],
        ["e@example.org"],
    )
    assert again.extra_headers == {"X-Semilla": "1"}
    assert [tuple(a) for a in again.alternatives] == [("<p>Texto</p>", "text/html")]
    assert [tuple(a) for a in again.attachments] == [
        ("plan.csv", "a,b\n", "text/csv"),
        ("logo.png", b"\x89PNG\x00", "image/png"),
    ]


def test_a_message_without_recipients_is_not_queued(queued_mail):
    assert EmailMultiAlternatives("Asunto", "Texto", "a@example.org", []).send() == 0
    assert mail.outbox == []


def test_a_queue_that_fails_raises_unless_told_to_fail_silently(queued_mail, monkeypatch):
    from cms import mail as queued

    class Unreachable:
        def enqueue(self, **kwargs):
            raise RuntimeError("database unreachable")

    monkeypatch.setattr(queued, "email_send_task", Unreachable())
    with pytest.raises(RuntimeError):
        send_mail("Hola", "Texto", "a@example.org", ["b@example.org"])
    assert send_mail("Hola", "Texto", "a@example.org", ["b@example.org"], fail_silently=True) == 0
