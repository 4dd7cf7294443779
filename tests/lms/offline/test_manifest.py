"""The pack manifest: only for an active learner, signed for her, without answers, stable, constant queries."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from lms.courses.models import Enrolment, LessonPage
from lms.courses.services import enrolment_cancel
from tests.factories import UserFactory
from tests.lms.quizzes.conftest import enrol

pytestmark = pytest.mark.django_db


def _url(module, **query):
    url = reverse("offline:manifest", kwargs={"module_id": module.id})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _get(client, user, module):
    client.force_login(user)
    return client.get(_url(module))


def test_an_active_learner_gets_a_signed_manifest_with_sizes_hashes_and_cost(client, pack):
    response = _get(client, pack.learner, pack.module)
    assert response.status_code == 200
    data = response.json()
    kinds = [r["kind"] for r in data["resources"]]
    assert kinds.count("lesson") == 2 and kinds.count("quiz") == 1 and kinds.count("css") == 1
    assert all(r["size"] > 0 and len(r["sha256"]) == 64 for r in data["resources"])
    assert data["total_bytes"] == sum(r["size"] for r in data["resources"])
    assert len(data["version"]) == 64 and data["signature"]
    assert data["cost_usd"] == "0.01"
    assert data["quizzes"][0]["attempts_left"] == 2


def test_each_resource_is_served_with_the_bytes_its_hash_names(client, pack):
    import hashlib

    data = _get(client, pack.learner, pack.module).json()
    for resource in data["resources"]:
        if resource["kind"] in ("lesson", "quiz"):
            body = client.get(resource["url"]).content
            assert hashlib.sha256(body).hexdigest() == resource["sha256"]
            assert len(body) == resource["size"]


def test_someone_not_enrolled_gets_404(client, pack):
    assert _get(client, UserFactory(role="aprendiz"), pack.module).status_code == 404
    client.logout()
    assert client.get(_url(pack.module)).status_code == 404


def test_a_learner_whose_enrolment_ended_gets_404(client, pack):
    enrolment = Enrolment.objects.get(user=pack.learner)
    enrolment_cancel(enrolment=enrolment, actor=pack.learner)
    assert _get(client, pack.learner, pack.module).status_code == 404


def test_a_locked_module_has_no_pack(client, pack):
    second = pack.module.get_next_sibling().specific
    second.requires_previous = True
    second.save_revision().publish()
    assert _get(client, pack.learner, second).status_code == 404


def test_wagtail_privacy_is_respected(client, pack):
    PageViewRestriction.objects.create(page=pack.module, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert _get(client, pack.learner, pack.module).status_code == 404


def test_the_manifest_never_holds_the_answers(client, pack):
    data = _get(client, pack.learner, pack.module).json()
    quiz_url = next(r["url"] for r in data["resources"] if r["kind"] == "quiz")
    text = json.dumps(data) + client.get(quiz_url).content.decode()
    for forbidden in ("is_correct", "FEEDBACK-", "EXPLICACION-", "ahorro", "numeric_answer", "50.0000"):
        assert forbidden not in text
    quiz = json.loads(client.get(quiz_url).content)
    assert [q["id"] for q in quiz["questions"]] == [q.id for q in pack.questions.values()]
    assert set(quiz["questions"][0]["choices"][0]) == {"id", "text"}


def test_sizes_hashes_and_version_are_stable_and_follow_the_content(client, pack):
    first = _get(client, pack.learner, pack.module).json()
    second = _get(client, pack.learner, pack.module).json()
    assert first["resources"] == second["resources"] and first["version"] == second["version"]
    lesson = LessonPage.objects.get(pk=pack.plain.pk)
    lesson.body = [("text", "<p>Contenido nuevo.</p>")]
    lesson.save_revision().publish()
    third = _get(client, pack.learner, pack.module).json()
    assert third["version"] != first["version"]
    changed = [r for r, old in zip(third["resources"], first["resources"], strict=True) if r != old]
    assert [r["kind"] for r in changed] == ["lesson"]


def test_the_signature_is_bound_to_the_learner(client, pack):
    other = UserFactory(role="aprendiz")
    enrol(other, pack.course)
    mine = _get(client, pack.learner, pack.module).json()
    theirs = _get(client, other, pack.module).json()
    assert mine["version"] == theirs["version"] and mine["signature"] != theirs["signature"]
    check = reverse("offline:manifest_check", kwargs={"module_id": pack.module.id})
    client.force_login(other)
    refused = client.post(check, data=json.dumps(mine), content_type="application/json")
    assert refused.status_code == 409 and "no es válido" in refused.json()["message"]
    assert client.post(check, data=json.dumps(theirs), content_type="application/json").json() == {"ok": True}


def test_an_altered_manifest_is_refused(client, pack):
    data = _get(client, pack.learner, pack.module).json()
    check = reverse("offline:manifest_check", kwargs={"module_id": pack.module.id})
    data["resources"][0]["url"] = "https://example.org/malo.css"
    assert client.post(check, data=json.dumps(data), content_type="application/json").status_code == 409
    data = _get(client, pack.learner, pack.module).json()
    data["version"] = "0" * 64
    assert client.post(check, data=json.dumps(data), content_type="application/json").status_code == 409


def test_query_count_does_not_grow_with_lessons(client, pack):
    client.force_login(pack.learner)
    client.get(_url(pack.module))  # warm the caches every page shares (site root, outline)
    with CaptureQueriesContext(connection) as few:
        assert client.get(_url(pack.module)).status_code == 200
    for n in range(6):
        pack.module.add_child(instance=LessonPage(title=f"Extra {n}", slug=f"extra-{n}", body=[("text", "<p>x</p>")]))
    client.get(_url(pack.module))
    with CaptureQueriesContext(connection) as many:
        data = client.get(_url(pack.module)).json()
    assert [r["kind"] for r in data["resources"]].count("lesson") == 8
    assert len(many) == len(few)


def test_images_travel_at_the_light_size_and_their_bytes_match(client, pack):
    import hashlib
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", (2400, 1600), (200, 120, 40)).save(buffer, format="PNG")
    image = Image.objects.create(title="Feria", file=ImageFile(buffer, name="feria.png"))
    lesson = LessonPage.objects.get(pk=pack.plain.pk)
    lesson.body = [("image", {"image": image, "alt": "Una feria", "caption": "En Quito"})]
    lesson.save_revision().publish()
    data = _get(client, pack.learner, pack.module).json()
    images = [r for r in data["resources"] if r["kind"] == "image"]
    assert len(images) == 1 and images[0]["url"].endswith(".webp")
    rendition = image.get_rendition("max-800x800|format-webp|webpquality-60")
    assert rendition.width == 800
    with rendition.file.open("rb") as handle:
        body = handle.read()
    assert hashlib.sha256(body).hexdigest() == images[0]["sha256"] and len(body) == images[0]["size"]
    lesson_url = next(r["url"] for r in data["resources"] if r["kind"] == "lesson")
    html = client.get(lesson_url).content.decode()
    assert images[0]["url"] in html and 'alt="Una feria"' in html and "srcset" not in html
