"""Evidence and prototype photos are checked by content before anything is written."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from incubator.milestones import services
from incubator.milestones.models import Evidence, PrototypePhoto
from tests.cms.image_files import bilevel_png, upload
from tests.incubator.milestones.conftest import image_upload

pytestmark = pytest.mark.django_db


def _stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_jpg_that_is_really_text_is_refused_and_nothing_is_written(team, first_milestone, settings):
    fake = SimpleUploadedFile("foto.jpg", b"hola, esto no es una foto", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        services.evidence_add(milestone=first_milestone, upload=fake, by=team[1])
    assert not Evidence.objects.exists() and _stored_files(settings) == []


def test_a_photo_over_5_mb_is_refused_before_anything_is_written(team, first_milestone, settings):
    big = SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024), content_type="image/jpeg")
    with pytest.raises(ValidationError, match="grande"):
        services.evidence_add(milestone=first_milestone, upload=big, by=team[1])
    huge_pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError, match="grande"):
        services.evidence_add(milestone=first_milestone, upload=huge_pdf, by=team[1])
    assert not Evidence.objects.exists() and _stored_files(settings) == []


def test_photos_are_reencoded_pdf_and_audio_kept_outside_public_media(team, first_milestone):
    member = team[1]
    photo = services.evidence_add(milestone=first_milestone, upload=image_upload("a.png", fmt="PNG"), by=member)
    pdf = services.evidence_add(
        milestone=first_milestone, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%fin"), by=member
    )
    audio = services.evidence_add(
        milestone=first_milestone, upload=SimpleUploadedFile("nota.ogg", b"OggS\x00\x02" + b"\x00" * 50), by=member
    )
    assert (photo.kind, photo.content_type) == ("foto", "image/jpeg")
    assert Image.open(photo.file.path).format == "JPEG"
    assert (pdf.kind, audio.kind, audio.extension) == ("pdf", "audio", ".ogg")
    assert all(e.file.name.startswith("evidencias/") for e in (photo, pdf, audio))


def test_a_milestone_takes_at_most_ten_files(team, first_milestone):
    for n in range(10):
        services.evidence_add(milestone=first_milestone, upload=SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4"), by=team[1])
    with pytest.raises(ValidationError, match="10"):
        services.evidence_add(milestone=first_milestone, upload=SimpleUploadedFile("x.pdf", b"%PDF-1.4"), by=team[1])
    assert first_milestone.evidence.count() == 10


def test_a_large_prototype_photo_is_compressed_to_200_kb_and_1280_px(team):
    venture, member = team[0], team[1]
    prototype = services.prototype_create(venture=venture, by=member, description="Macetas pintadas a mano")
    upload = image_upload("grande.jpg", size=(2400, 1800), noise=True)
    assert upload.size > 1024 * 1024
    photo = services.prototype_photo_add(prototype=prototype, upload=upload, by=member)
    data = photo.image.read()
    assert photo.size == len(data) <= 200 * 1024
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and max(image.size) <= 1280


def test_versions_are_numbered_and_take_at_most_six_photos(team):
    venture, member = team[0], team[1]
    first = services.prototype_create(venture=venture, by=member, description="v1")
    second = services.prototype_create(venture=venture, by=member, description="v2")
    assert (first.number, second.number) == (1, 2)
    for _ in range(6):
        services.prototype_photo_add(prototype=second, upload=image_upload(), by=member)
    with pytest.raises(ValidationError):
        services.prototype_photo_add(prototype=second, upload=image_upload(), by=member)
    assert PrototypePhoto.objects.count() == 6


def test_a_photo_with_too_many_pixels_is_refused_from_its_header_and_nothing_is_written(
    team, first_milestone, settings
):
    venture, member = team[0], team[1]
    with pytest.raises(ValidationError, match="demasiados píxeles"):
        services.evidence_add(milestone=first_milestone, upload=upload(bilevel_png(8000, 5000)), by=member)
    prototype = services.prototype_create(venture=venture, by=member, description="v1")
    with pytest.raises(ValidationError, match="demasiados píxeles"):
        services.prototype_photo_add(prototype=prototype, upload=upload(bilevel_png(8000, 5000)), by=member)
    assert not Evidence.objects.exists() and not PrototypePhoto.objects.exists() and _stored_files(settings) == []


def test_a_photo_taken_sideways_is_stored_upright(team, first_milestone):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90 degrees to show it
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, "JPEG", exif=exif)
    evidence = services.evidence_add(milestone=first_milestone, upload=upload(out.getvalue(), "foto.jpg"), by=team[1])
    with Image.open(evidence.file.path) as stored:
        assert stored.size == (30, 40)
