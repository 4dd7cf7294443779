"""Outgoing e-mail leaves the request: EMAIL_BACKEND queues each message as a background task (django-tasks),
and the task sends it with the real backend, EMAIL_DELIVERY_BACKEND (Django's SMTP unless the environment says
otherwise; EMAIL_HOST and friends as usual).

A request that sends mail no longer waits on the mail server, and a slow or unreachable server no longer turns
a page into an error. With the database task backend the message is queued in the request's transaction: a
request that fails and rolls back sends nothing. Each message is one task, run once by the worker.
"""

from __future__ import annotations

import base64
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


def email_to_data(message: EmailMessage) -> dict:
    """A message as JSON-safe data for the task queue (attachments base64-encoded)."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise ValueError("MIME attachments cannot be queued; attach (filename, content, mimetype) instead.")
        filename, content, mimetype = attachment
        raw = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "content_subtype": message.content_subtype,
        "attachments": attachments,
    }


def email_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, encoded, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(encoded), mimetype)
    return message


@task()
def email_send_task(message: dict) -> None:
    """Send one queued message with the delivery backend; an error is raised, so the task shows as failed."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    connection.send_messages([email_from_data(message)])


class QueuedEmailBackend(BaseEmailBackend):
    """Queues every message as an email_send_task instead of talking to a mail server in the request."""

    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                email_send_task.enqueue(message=email_to_data(message))
            except Exception:
                if not self.fail_silently:
                    raise
                continue
            count += 1
        return count
