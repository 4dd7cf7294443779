"""A session as an iCalendar (.ics) file (RFC 5545), built by hand: one event, UTC times."""

from datetime import UTC, datetime

from django.utils import timezone

from incubator.mentoring.models import MentoringSession


def _escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def session_ics(*, session: MentoringSession, room_url: str, host: str) -> str:
    description = session.description
    if session.video_url:
        description = f"{description}\n{session.video_url}".strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Semilla//Mentorias//ES",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:mentoria-{session.pk}@{host}",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(session.starts_at)}",
        f"DTEND:{_utc(session.ends_at)}",
        f"SUMMARY:{_escape(session.topic)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{room_url}",
    ]
    if session.location:
        lines.append(f"LOCATION:{_escape(session.location)}")
    if session.closed_at:
        lines.append("STATUS:CANCELLED" if session.closed_at < session.starts_at else "STATUS:CONFIRMED")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
