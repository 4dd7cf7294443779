"""The one image rule every upload follows (cms.uploads): bytes, format by content, pixels from the header."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from cms.uploads import image_decode, image_header_check, image_upload_check
from tests.cms.image_files import bilevel_png, photo_bytes, upload

FORTY_MEGAPIXELS = bilevel_png(8000, 5000)


@pytest.fixture
def loads(monkeypatch):
    """Every size Pillow decoded an image at, in order."""
    decoded = []
    load = Image.Image.load

    def spy(self):
        if getattr(self, "_im", None) is None:
            decoded.append(self.size)
        return load(self)

    monkeypatch.setattr(Image.Image, "load", spy)
    return decoded


def message(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


def test_a_small_file_claiming_40_megapixels_is_refused_from_its_header_without_decoding(loads):
    assert len(FORTY_MEGAPIXELS) < 10_000
    with pytest.raises(ValidationError) as caught:
        image_upload_check(upload(FORTY_MEGAPIXELS))
    assert caught.value.code == "pixels"
    assert "demasiados píxeles: el máximo es 16,0 megapíxeles" in message(caught)
    assert loads == []


def test_the_photo_decoder_refuses_it_too_without_decoding(loads):
    with pytest.raises(ValidationError, match="megapíxeles"):
        image_decode(FORTY_MEGAPIXELS, max_side=2000)
    assert loads == []


def test_a_picture_just_past_the_limit_says_how_many_megapixels_it_has():
    with pytest.raises(ValidationError) as caught:
        image_header_check(bilevel_png(5000, 4000))
    assert "La foto tiene 20,0 megapíxeles y el máximo es 16,0" in message(caught)


def test_the_pixel_limit_is_a_setting(settings):
    settings.SEMILLA_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(ValidationError, match="megapíxeles"):
        image_header_check(photo_bytes((40, 30)))
    settings.SEMILLA_MAX_IMAGE_PIXELS = 1200
    assert image_header_check(photo_bytes((40, 30))).pixels == 1200


def test_pillows_own_guard_follows_the_setting(settings):
    assert Image.MAX_IMAGE_PIXELS == settings.SEMILLA_MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def test_a_header_far_past_pillows_guard_is_a_pixel_error_not_a_crash():
    with pytest.raises(ValidationError) as caught:
        image_header_check(bilevel_png(20_000, 20_000))
    assert caught.value.code == "pixels"


def test_the_format_is_read_from_the_content_not_the_name():
    assert image_upload_check(upload(photo_bytes(fmt="PNG"), name="foto.jpg")).format == "PNG"
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, "GIF")
    with pytest.raises(ValidationError, match="no es una foto válida"):
        image_upload_check(upload(gif.getvalue(), name="foto.png"))
    with pytest.raises(ValidationError, match="no es una foto válida"):
        image_upload_check(upload(b"<svg onload=alert(1)>", name="foto.png"))


def test_the_byte_limit_is_checked_reading_at_most_one_byte_past_it(settings):
    settings.SEMILLA_MAX_IMAGE_BYTES = 1024
    big = upload(photo_bytes((40, 30)) + b"\0" * 2048)
    big.size = None  # a size the client does not declare is not trusted either
    with pytest.raises(ValidationError, match="muy grande: el máximo es"):
        image_upload_check(big)


def test_a_large_jpeg_is_decoded_scaled_down(loads):
    image = image_decode(photo_bytes((4000, 3000)), max_side=1000)
    assert max(image.size) == 1000
    assert loads == [(2000, 1500)]  # draft mode: the 12-megapixel original never sat in memory


def test_a_palette_png_is_converted_before_it_is_shrunk():
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 120, 40)).convert("P").save(out, "PNG")
    image = image_decode(out.getvalue(), max_side=100)
    assert image.mode == "RGB" and image.size == (100, 67)


@pytest.mark.django_db
def test_the_wagtail_image_upload_refuses_it_in_spanish_and_stores_nothing(client):
    from wagtail.images import get_image_model

    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post("/admin/images/add/", {"title": "Grande", "file": upload(FORTY_MEGAPIXELS)})
    assert response.status_code == 200
    assert "Achícala y vuelve a subirla" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_the_wagtail_image_upload_still_takes_a_normal_photo(client):
    from wagtail.images import get_image_model

    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post("/admin/images/add/", {"title": "Huerto", "file": upload(photo_bytes(), "huerto.jpg")})
    assert response.status_code == 302
    assert get_image_model().objects.get().title == "Huerto"
