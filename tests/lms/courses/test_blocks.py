import io
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from cms.blocks import CalloutBlock, FileBlock, ImageBlock, VideoBlock, sanitize_html

pytestmark = pytest.mark.django_db


def document(name: str) -> Document:
    return Document.objects.create(title=name, file=ContentFile(b"x" * 10, name=name))


def test_the_video_loads_only_on_play_and_shows_its_size_and_transcript():
    block = VideoBlock()
    html = block.render(
        block.to_python(
            {
                "title": "Cómo ahorrar",
                "video": document("ahorro.mp4").pk,
                "size_mb": Decimal("12.5"),
                "transcript": "Primero anota tus gastos.",
            }
        )
    )
    assert 'preload="none"' in html
    assert "12,5 MB" in html  # Spanish decimal comma
    assert "<details>" in html and "Primero anota tus gastos." in html


def test_a_file_shows_its_size():
    block = FileBlock()
    html = block.render(
        block.to_python(
            {"title": "Plantilla de presupuesto", "document": document("p.ods").pk, "size_mb": Decimal("0.3")}
        )
    )
    assert "0,3 MB" in html and "Plantilla de presupuesto" in html


def test_an_image_is_responsive_lazy_and_sized():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "green").save(buffer, "PNG")
    image = Image.objects.create(title="Feria", file=ImageFile(buffer, name="feria.png"))
    block = ImageBlock()
    html = block.render(block.to_python({"image": image.pk, "alt": "Una feria de emprendimiento", "caption": ""}))
    assert 'loading="lazy"' in html and "srcset=" in html
    assert 'width="' in html and 'height="' in html
    assert 'alt="Una feria de emprendimiento"' in html


def test_a_callout_escapes_its_text():
    block = CalloutBlock()
    html = block.render(block.to_python({"kind": "warning", "title": "Ojo", "text": "<script>x</script>"}))
    assert "<script>" not in html and 'class="callout warning"' in html


def test_rich_text_is_cleaned_of_scripts_and_handlers():
    assert sanitize_html('<p onclick="x()">Hola<script>alert(1)</script></p>') == "<p>Hola</p>"
