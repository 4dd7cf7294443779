import pytest
from django.urls import reverse

from lms.certificates.models import Certificate
from lms.certificates.pdf import spanish_date
from lms.certificates.services import CODE_ALPHABET, certificate_issue, certificate_revoke
from lms.courses.models import Enrolment
from lms.courses.services import lesson_complete
from tests.factories import UserFactory, build_course, lessons_of


@pytest.fixture
def course(db):
    return build_course(title="Educación financiera", modules=1, lessons_per_module=2)


def complete(user, course, capture):
    Enrolment.objects.create(user=user, course=course)
    with capture(execute=True):
        for lesson in lessons_of(course):
            lesson_complete(user=user, lesson=lesson)


@pytest.fixture
def ana(course, django_capture_on_commit_callbacks):
    user = UserFactory(role="aprendiz", first_name="Ana", last_name="Quispe")
    complete(user, course, django_capture_on_commit_callbacks)
    return user


def test_completing_a_course_issues_one_certificate_with_a_pdf(course, ana):
    certificate = Certificate.objects.get(user=ana, course=course)
    assert certificate.learner_name == "Ana Quispe"
    assert certificate.course_title == "Educación financiera"
    assert certificate.hours == 6
    assert len(certificate.code) == 10 and set(certificate.code) <= set(CODE_ALPHABET)
    with certificate.pdf.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    assert certificate.code not in certificate.pdf.name.split("/")[-1].removeprefix(certificate.code)


def test_issue_is_idempotent_and_never_regenerates_the_pdf(course, ana):
    first = Certificate.objects.get(user=ana)
    again = certificate_issue(user=ana, course=course)
    assert again.pk == first.pk and again.pdf.name == first.pdf.name
    assert Certificate.objects.count() == 1


def test_an_incomplete_course_issues_nothing(course):
    user = UserFactory(role="aprendiz")
    Enrolment.objects.create(user=user, course=course)
    lesson_complete(user=user, lesson=lessons_of(course)[0])
    assert not Certificate.objects.exists()


def test_codes_are_unique(course):
    codes = {certificate_issue(user=UserFactory(role="aprendiz"), course=course).code for _ in range(5)}
    assert len(codes) == 5


def test_spanish_date_reads_naturally():
    import datetime

    from django.utils import timezone

    moment = timezone.make_aware(datetime.datetime(2026, 11, 25, 15, 0))
    assert spanish_date(moment) == "25 de noviembre de 2026"


def test_owner_downloads_the_pdf(client, ana):
    certificate = Certificate.objects.get(user=ana)
    client.force_login(ana)
    response = client.get(reverse("certificates:pdf", args=[certificate.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_learner_gets_404_for_the_pdf(client, ana):
    certificate = Certificate.objects.get(user=ana)
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get(reverse("certificates:pdf", args=[certificate.code])).status_code == 404


def test_a_mentor_gets_404_and_a_coordinator_gets_the_pdf(client, course, ana):
    certificate = Certificate.objects.get(user=ana)
    mentor = UserFactory(role="mentor")
    course.mentors.add(mentor)
    course.save()
    client.force_login(mentor)
    assert client.get(reverse("certificates:pdf", args=[certificate.code])).status_code == 404
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(reverse("certificates:pdf", args=[certificate.code])).status_code == 200


def test_anonymous_visitor_cannot_download(client, ana):
    certificate = Certificate.objects.get(user=ana)
    response = client.get(reverse("certificates:pdf", args=[certificate.code]))
    assert response.status_code == 302


def test_my_certificates_lists_only_my_own(client, course, ana, django_capture_on_commit_callbacks):
    beto = UserFactory(role="aprendiz", first_name="Beto")
    complete(beto, course, django_capture_on_commit_callbacks)
    mine = Certificate.objects.get(user=ana)
    theirs = Certificate.objects.get(user=beto)
    client.force_login(ana)
    html = client.get(reverse("certificates:list")).content.decode()
    assert mine.code in html and theirs.code not in html
    assert "Responder la encuesta" in html


def test_my_certificates_issues_one_missing_after_a_failed_receiver(client, course):
    user = UserFactory(role="aprendiz")
    Enrolment.objects.create(user=user, course=course)
    for lesson in lessons_of(course):  # on_commit callbacks are not run: no certificate yet
        lesson_complete(user=user, lesson=lesson)
    assert not Certificate.objects.exists()
    client.force_login(user)
    client.get(reverse("certificates:list"))
    assert Certificate.objects.filter(user=user, course=course).count() == 1


def test_verification_page_is_public_and_shows_only_name_course_date_and_validity(client, ana):
    ana.email = "ana@example.org"
    ana.phone = "0991234567"
    ana.save()
    certificate = Certificate.objects.get(user=ana)
    response = client.get(reverse("certificates:verify", args=[certificate.code]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ana Quispe" in html and "Educación financiera" in html and "válido" in html
    assert spanish_date(certificate.issued_at) in html
    for private in (ana.username, "ana@example.org", "0991234567", certificate.pdf.name, "/pdf/"):
        assert private not in html


def test_a_revoked_certificate_says_anulado(client, ana):
    certificate = certificate_revoke(certificate=Certificate.objects.get(user=ana))
    html = client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert "anulado" in html and "Certificado válido" not in html


def test_unknown_code_is_a_clear_404(client, db):
    response = client.get(reverse("certificates:verify", args=["NOEXISTE99"]))
    assert response.status_code == 404
    assert "No encontramos ese certificado" in response.content.decode()


def test_verify_form_redirects_to_the_code_and_rejects_empty(client, ana):
    code = Certificate.objects.get(user=ana).code
    response = client.get(reverse("certificates:verify_form"), {"codigo": f" {code.lower()} "})
    assert response.status_code == 302 and response["Location"] == reverse("certificates:verify", args=[code])
    response = client.get(reverse("certificates:verify_form"), {"codigo": ""})
    assert "Escribe el código del certificado." in response.content.decode()


def test_coordinator_lists_certificates_in_the_wagtail_admin_but_cannot_add(client, ana):
    from cms.accounts.services import role_permissions_ensure

    role_permissions_ensure()
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(reverse("certificados:index")).status_code == 200
    assert Certificate.objects.get(user=ana).code in client.get(reverse("certificados:index")).content.decode()
    assert client.get(reverse("certificados:add")).status_code in (302, 403)


def test_the_pdf_carries_the_spanish_text_and_the_verification_address(course, ana, settings):
    import base64
    import re
    import zlib

    certificate = Certificate.objects.get(user=ana)
    with certificate.pdf.open("rb") as f:
        raw = f.read()
    text = raw
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", raw, re.S):
        for decode in (zlib.decompress, lambda s: zlib.decompress(base64.a85decode(s.strip(), adobe=True))):
            try:
                text += decode(stream)
                break
            except (zlib.error, ValueError):
                continue
    assert b"Certificado de aprobaci\\363n" in text
    assert b"Ana Quispe" in text
    assert f"/verificar/{certificate.code}/".encode() in text


def test_coordinator_revokes_in_the_admin_and_verification_says_anulado(client, ana):
    from cms.accounts.services import role_permissions_ensure

    role_permissions_ensure()
    certificate = Certificate.objects.get(user=ana)
    client.force_login(UserFactory(role="coordinacion"))
    response = client.post(reverse("certificados:edit", args=[certificate.pk]), {"revoked": "on"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked and certificate.learner_name == "Ana Quispe"
    client.logout()
    assert "anulado" in client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()


def test_a_learner_cannot_open_the_certificate_admin(client, ana):
    client.force_login(ana)
    assert client.get(reverse("certificados:index")).status_code in (302, 403)
