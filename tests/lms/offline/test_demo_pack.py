"""The demo's lessons carry photos that weigh what real ones do, and the largest module's pack carries them at
the light size within the budget (issue 14: <= 1.5 MB)."""

from io import BytesIO

import pytest
from django.core.management import call_command
from PIL import Image

from lms.courses.models import LessonPage, ModulePage
from lms.demo.photos import SCENES, photo_jpeg_bytes
from lms.offline.selectors import MB, pack_for


def test_a_demo_photo_is_a_phone_sized_jpeg_and_the_same_for_the_same_seed():
    data = photo_jpeg_bytes(scene="mercado", seed="foto-prueba-1")
    image = Image.open(BytesIO(data))
    assert image.format == "JPEG" and image.size == (1600, 1000)
    assert 150 * 1024 < len(data) < 1024 * 1024  # what an uploaded phone photo weighs, not a flat drawing
    assert data == photo_jpeg_bytes(scene="mercado", seed="foto-prueba-1")
    assert data != photo_jpeg_bytes(scene="mercado", seed="foto-prueba-2")
    assert set(SCENES) == {"mesa", "mercado", "tienda", "celular", "taller", "pizarra"}


@pytest.mark.django_db
def test_the_largest_demo_module_packs_light_photos_within_the_budget():
    call_command("demo_load", stdout=open("/dev/null", "w"))
    lessons = list(LessonPage.objects.live())
    assert lessons
    for lesson in lessons:
        photos = [b.value for b in lesson.body if b.block_type == "image"]
        assert photos, f"{lesson.title} has no photo"
        assert all(p["alt"] for p in photos)
    largest = max(ModulePage.objects.live(), key=lambda m: LessonPage.objects.live().child_of(m).count())
    pack = pack_for(module=largest)
    images = [r for r in pack.resources if r.kind == "image"]
    assert len(images) >= 2
    assert all(".webp" in r.url for r in images)  # the light rendition, not the 1600 px original
    assert all(20 * 1024 < r.size < 200 * 1024 for r in images)
    assert pack.total_bytes <= 1.5 * MB
