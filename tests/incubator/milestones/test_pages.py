"""Milestone, mentor log and prototype pages: the team and mentors see them, nobody else does."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from incubator.milestones import services
from incubator.milestones.models import Evidence, Milestone, Task
from tests.incubator.milestones.conftest import image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(team, first_milestone):
    venture, member, mentor, _ = team
    evidence = services.evidence_add(
        milestone=first_milestone, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4"), by=member
    )
    prototype = services.prototype_create(venture=venture, by=member, description="Primera maceta")
    photo = services.prototype_photo_add(prototype=prototype, upload=image_upload(), by=member)
    entry = services.mentor_log_add(
        venture=venture, by=mentor, seen="Precios", next_step="Cotizar", due_on=timezone.localdate()
    )
    return {"evidence": evidence, "prototype": prototype, "photo": photo, "entry": entry}


def _get_urls(team, first_milestone, objects):
    v = team[0].pk
    return [
        reverse("milestones:timeline", args=[v]),
        reverse("milestones:mentor_log", args=[v]),
        reverse("milestones:prototypes", args=[v]),
        reverse("milestones:detail", args=[first_milestone.pk]),
        reverse("milestones:evidence", args=[objects["evidence"].pk]),
        reverse("milestones:prototype", args=[objects["prototype"].pk]),
        reverse("milestones:prototype_photo", args=[objects["photo"].pk]),
    ]


def _post_urls(team, first_milestone, objects):
    task = first_milestone.tasks.first()
    return [
        reverse("milestones:create", args=[team[0].pk]),
        reverse("milestones:submit", args=[first_milestone.pk]),
        reverse("milestones:review", args=[first_milestone.pk]),
        reverse("milestones:task_toggle", args=[first_milestone.pk, task.pk]),
        reverse("milestones:evidence_upload", args=[first_milestone.pk]),
        reverse("milestones:evidence_delete", args=[objects["evidence"].pk]),
        reverse("milestones:mentor_log_task", args=[objects["entry"].pk]),
        reverse("milestones:prototype_photo_upload", args=[objects["prototype"].pk]),
        reverse("milestones:prototype_feedback", args=[objects["prototype"].pk]),
    ]


def test_team_mentor_and_coordinator_see_every_page(client, team, first_milestone, objects):
    for person in team[1:]:
        client.force_login(person)
        for url in _get_urls(team, first_milestone, objects):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["stranger", "other_member"])
def test_outsiders_get_404_on_every_page_and_post(client, team, first_milestone, objects, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in _get_urls(team, first_milestone, objects) + _post_urls(team, first_milestone, objects):
        method = client.get if url in _get_urls(team, first_milestone, objects) else client.post
        assert method(url, {"decision": "aprobado", "done": "1"}).status_code == 404, url
    first_milestone.refresh_from_db()
    assert first_milestone.status == Milestone.Status.PENDING and Evidence.objects.count() == 1


def test_anonymous_visitors_are_sent_to_login(client, team, first_milestone, objects):
    response = client.get(reverse("milestones:evidence", args=[objects["evidence"].pk]))
    assert response.status_code == 302 and "/cuenta/" in response["Location"]


def test_evidence_is_not_served_from_the_public_media_url(client, team, objects):
    client.force_login(team[1])
    assert client.get(f"/media/{objects['evidence'].file.name}").status_code == 404
    response = client.get(reverse("milestones:evidence", args=[objects["evidence"].pk]))
    assert response["Content-Type"] == "application/pdf" and b"".join(response.streaming_content) == b"%PDF-1.4"
    assert "no-store" in response["Cache-Control"]


def test_the_team_cannot_review_and_the_mentor_cannot_submit(client, team, first_milestone):
    venture, member, mentor, _ = team
    client.force_login(member)
    assert (
        client.post(reverse("milestones:review", args=[first_milestone.pk]), {"decision": "aprobado"}).status_code
        == 403
    )
    client.force_login(mentor)
    assert client.post(reverse("milestones:submit", args=[first_milestone.pk])).status_code == 403


def test_the_whole_flow_through_the_pages(client, team, first_milestone):
    venture, member, mentor, _ = team
    detail = reverse("milestones:detail", args=[first_milestone.pk])
    client.force_login(member)
    client.post(reverse("milestones:submit", args=[first_milestone.pk]))
    client.force_login(mentor)
    response = client.post(
        reverse("milestones:review", args=[first_milestone.pk]), {"decision": "requiere_cambios", "comment": ""}
    )
    assert response.status_code == 400 and "Escribe qué debe cambiar" in response.content.decode()
    client.post(
        reverse("milestones:review", args=[first_milestone.pk]),
        {"decision": "requiere_cambios", "comment": "Suma dos entrevistas."},
    )
    client.force_login(member)
    page = client.get(detail).content.decode()
    assert "Suma dos entrevistas." in page and "Volver a enviar" in page
    client.post(reverse("milestones:submit", args=[first_milestone.pk]))
    client.force_login(mentor)
    assert (
        client.post(
            reverse("milestones:review", args=[first_milestone.pk]), {"decision": "aprobado", "comment": "¡Bien!"}
        ).status_code
        == 302
    )
    first_milestone.refresh_from_db()
    assert first_milestone.status == "aprobado" and first_milestone.reviews.count() == 2


def test_a_refused_upload_shows_the_error_next_to_the_field(client, team, first_milestone):
    client.force_login(team[1])
    response = client.post(
        reverse("milestones:evidence_upload", args=[first_milestone.pk]),
        {"file": SimpleUploadedFile("foto.jpg", b"texto")},
    )
    assert response.status_code == 400
    assert "Sube una foto" in response.content.decode() and "field-error" in response.content.decode()
    assert not first_milestone.evidence.exists()


def test_overdue_milestones_show_atrasado(client, team, first_milestone):
    Milestone.objects.filter(pk=first_milestone.pk).update(due_date=timezone.localdate() - timedelta(days=2))
    client.force_login(team[1])
    assert "Atrasado" in client.get(reverse("milestones:timeline", args=[team[0].pk])).content.decode()


def test_the_mentor_turns_a_next_step_into_a_task_with_the_button(client, team, first_milestone, objects):
    client.force_login(team[2])
    client.post(reverse("milestones:mentor_log_task", args=[objects["entry"].pk]), {"milestone": first_milestone.pk})
    assert Task.objects.filter(milestone=first_milestone, title="Cotizar").exists()
    client.force_login(team[1])
    assert (
        client.post(
            reverse("milestones:mentor_log", args=[team[0].pk]), {"seen": "x", "next_step": "y", "due_on": "2025-01-01"}
        ).status_code
        == 403
    )


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _add_content(venture, milestone, member, mentor, rounds: int) -> None:
    for n in range(rounds):
        services.evidence_add(milestone=milestone, upload=SimpleUploadedFile("a.pdf", b"%PDF-1"), by=member)
        Task.objects.create(milestone=milestone, title=f"Extra {n}")
        prototype = services.prototype_create(venture=venture, by=member, description="v")
        services.prototype_photo_add(prototype=prototype, upload=image_upload(), by=member)
        services.prototype_feedback_add(prototype=prototype, by=member, note="Le gustó")
        services.mentor_log_add(venture=venture, by=mentor, seen="s", next_step="n", due_on=timezone.localdate())


def test_timeline_and_detail_queries_do_not_grow_with_content(client, team, first_milestone):
    venture, member, mentor, _ = team
    client.force_login(member)
    urls = [
        reverse("milestones:timeline", args=[venture.pk]),
        reverse("milestones:detail", args=[first_milestone.pk]),
        reverse("milestones:prototypes", args=[venture.pk]),
        reverse("milestones:mentor_log", args=[venture.pk]),
    ]
    _add_content(venture, first_milestone, member, mentor, 1)
    client.get(urls[0])  # the first request of a session refreshes its last-seen time
    before = [_count(client, url) for url in urls]
    _add_content(venture, first_milestone, member, mentor, 4)
    after = [_count(client, url) for url in urls]
    assert after == before and max(after) <= 12


def test_a_prototype_photo_is_served_inline_with_a_name_of_ours_and_nosniff(client, team, objects):
    client.force_login(team[1])
    response = client.get(reverse("milestones:prototype_photo", args=[objects["photo"].pk]))
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == f'inline; filename="prototipo-{objects["photo"].pk}.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
