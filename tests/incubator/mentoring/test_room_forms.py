"""The room without JavaScript: notes, polls, hands and moderation work as plain POST forms."""

import pytest
from django.urls import reverse

from incubator.mentoring import services
from incubator.mentoring.models import HandRaise, NotesPad, Poll, RoomMessage, RoomMute, RoomRemoval

pytestmark = pytest.mark.django_db


def _url(name: str, session, *args) -> str:
    return reverse(f"mentoring:{name}", args=[session.pk, *args])


def test_the_mentor_sees_every_moderation_form_in_the_plain_page(client, session, mentor, learner):
    message = services.message_post(session_id=session.pk, author=learner, text="Hola")
    services.hand_raise(session_id=session.pk, user=learner)
    client.force_login(mentor)
    html = client.get(_url("room", session)).content.decode()
    for action in (
        _url("notes", session),
        _url("poll_new", session),
        _url("message_delete", session, message.pk),
        _url("mute", session, learner.pk),
        _url("remove", session, learner.pk),
        _url("hand", session),
    ):
        assert f'action="{action}"' in html
    assert f'name="persona" value="{learner.pk}"' in html


def test_a_learner_sees_the_notes_form_but_no_moderation(client, session, mentor, learner):
    message = services.message_post(session_id=session.pk, author=mentor, text="Hola")
    client.force_login(learner)
    html = client.get(_url("room", session)).content.decode()
    assert f'action="{_url("notes", session)}"' in html
    for action in (
        _url("poll_new", session),
        _url("message_delete", session, message.pk),
        _url("mute", session, mentor.pk),
    ):
        assert action not in html


def test_notes_save_from_the_form_and_bump_the_version(client, session, learner):
    client.force_login(learner)
    response = client.post(_url("notes", session), {"texto": "Costos fijos: arriendo", "version": 0})
    assert response.status_code == 302
    pad = NotesPad.objects.get(session=session)
    assert (pad.text, pad.version) == ("Costos fijos: arriendo", 1)


def test_a_stale_notes_form_shows_the_conflict_and_keeps_both_texts(client, session, mentor, learner):
    services.notes_save(session_id=session.pk, by=mentor, text="Texto de la mentora", base_version=0)
    client.force_login(learner)
    response = client.post(_url("notes", session), {"texto": "Mi texto de Rosa", "version": 0})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Texto de la mentora" in html and "Mi texto de Rosa" in html
    assert 'name="version" value="1"' in html  # saving again starts from the current version
    assert NotesPad.objects.get(session=session).text == "Texto de la mentora"
    again = client.post(_url("notes", session), {"texto": "Texto de la mentora\nMi texto de Rosa", "version": 1})
    assert again.status_code == 302
    assert NotesPad.objects.get(session=session).version == 2


def test_a_muted_learner_cannot_save_notes(client, session, mentor, learner):
    services.member_mute(session_id=session.pk, user_id=learner.pk, by=mentor)
    client.force_login(learner)
    client.post(_url("notes", session), {"texto": "x", "version": 0})
    assert not NotesPad.objects.filter(session=session, version__gt=0).exists()


def test_the_mentor_creates_and_closes_a_poll_from_the_form(client, session, mentor):
    client.force_login(mentor)
    client.post(_url("poll_new", session), {"pregunta": "¿Llevas cuentas?", "opciones": "Sí\n\nTodavía no\n"})
    poll = Poll.objects.get(session=session)
    assert [o.text for o in poll.options.order_by("position")] == ["Sí", "Todavía no"]
    client.post(_url("poll_close", session, poll.pk))
    poll.refresh_from_db()
    assert poll.closed_at is not None


def test_a_poll_needs_two_answers(client, session, mentor):
    client.force_login(mentor)
    response = client.post(_url("poll_new", session), {"pregunta": "¿Sí?", "opciones": "Sí"}, follow=True)
    assert not Poll.objects.exists()
    assert "entre 2 y 6 respuestas" in response.content.decode()


def test_the_mentor_deletes_mutes_unmutes_and_removes_from_forms(client, session, mentor, learner, other_learner):
    message = services.message_post(session_id=session.pk, author=learner, text="spam")
    client.force_login(mentor)
    client.post(_url("message_delete", session, message.pk))
    assert RoomMessage.objects.get(pk=message.pk).deleted
    client.post(_url("mute", session, learner.pk), {"accion": "silenciar"})
    assert RoomMute.objects.filter(session=session, user=learner).exists()
    client.post(_url("mute", session, learner.pk), {"accion": "quitar"})
    assert not RoomMute.objects.filter(session=session, user=learner).exists()
    client.post(_url("remove", session, other_learner.pk))
    assert RoomRemoval.objects.filter(session=session, user=other_learner).exists()


def test_the_mentor_lowers_a_learners_hand_but_a_learner_cannot(client, session, mentor, learner, other_learner):
    services.hand_raise(session_id=session.pk, user=learner)
    client.force_login(other_learner)
    assert client.post(_url("hand", session), {"persona": learner.pk}).status_code == 403
    assert HandRaise.objects.filter(user=learner, lowered_at__isnull=True).exists()
    client.force_login(mentor)
    client.post(_url("hand", session), {"persona": learner.pk})
    assert not HandRaise.objects.filter(user=learner, lowered_at__isnull=True).exists()


@pytest.mark.parametrize(
    "name,data",
    [
        ("poll_new", {"pregunta": "¿Sí?", "opciones": "Sí\nNo"}),
        ("mute", {"accion": "silenciar"}),
        ("remove", {}),
    ],
)
def test_a_learner_cannot_moderate(client, session, learner, other_learner, name, data):
    client.force_login(learner)
    args = [] if name == "poll_new" else [other_learner.pk]
    assert client.post(_url(name, session, *args), data).status_code == 403
    assert not (Poll.objects.exists() or RoomMute.objects.exists() or RoomRemoval.objects.exists())


def test_a_learner_cannot_delete_a_message(client, session, mentor, learner):
    message = services.message_post(session_id=session.pk, author=mentor, text="Hola")
    client.force_login(learner)
    assert client.post(_url("message_delete", session, message.pk)).status_code == 403
    assert not RoomMessage.objects.get(pk=message.pk).deleted


@pytest.mark.parametrize("name", ["notes", "poll_new", "message_delete", "mute", "remove"])
def test_outsiders_get_404_on_every_form(client, session, stranger, learner, name):
    client.force_login(stranger)
    args = {"notes": [], "poll_new": [], "message_delete": [1]}.get(name, [learner.pk])
    assert client.post(_url(name, session, *args), {"texto": "x", "version": 0}).status_code == 404


def test_a_muted_learner_sees_why_and_a_disabled_box_the_room_can_enable_again(client, session, mentor, learner):
    services.member_mute(session_id=session.pk, user_id=learner.pk, by=mentor)
    client.force_login(learner)
    html = client.get(_url("room", session)).content.decode()
    assert 'id="silencio"' in html and "te silenció" in html
    assert 'data-muted="1"' in html
    assert '<textarea name="text"' in html and "disabled" in html.split('<textarea name="text"')[1].split(">")[0]
    services.member_unmute(session_id=session.pk, user_id=learner.pk, by=mentor)
    html = client.get(_url("room", session)).content.decode()
    assert 'data-muted="0"' in html and "disabled" not in html.split('<textarea name="text"')[1].split(">")[0]
