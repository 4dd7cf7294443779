"""The certificate PDF: A4 landscape, Spanish, with the verification code and a QR to /verificar/<code>/."""

import io

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from cms.plurals import plural_count

BRAND = HexColor("#1d6b3a")


def verification_url(code: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/verificar/{code}/"


def spanish_date(moment) -> str:
    """'25 de noviembre de 2026', in the site's time zone."""
    with translation.override("es"):
        return formats.date_format(timezone.localtime(moment), r"j \d\e F \d\e Y")


def _hours(hours) -> str:
    return formats.number_format(hours.normalize() if hours == hours.to_integral() else hours, use_l10n=True)


def _centred_fit(c: canvas.Canvas, text: str, x: float, y: float, font: str, size: float, max_width: float) -> None:
    """Draw centred text, shrinking the font so a long name or course title stays on the page."""
    while size > 10 and c.stringWidth(text, font, size) > max_width:
        size -= 1
    c.setFont(font, size)
    c.drawCentredString(x, y, text)


def _qr(c: canvas.Canvas, url: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(url)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, c, x, y)


def certificate_pdf(certificate) -> bytes:
    """Render the PDF bytes of a certificate from its stored fields (name, course, hours, date, code)."""
    buffer = io.BytesIO()
    width, height = landscape(A4)
    c = canvas.Canvas(buffer, pagesize=(width, height))
    with translation.override("es"):
        c.setTitle(_("Certificado de aprobación"))
        c.setAuthor("Semilla")
        c.setStrokeColor(BRAND)
        c.setLineWidth(4)
        c.rect(1.2 * cm, 1.2 * cm, width - 2.4 * cm, height - 2.4 * cm)
        c.setFillColor(BRAND)
        c.setFont("Helvetica-Bold", 34)
        c.drawCentredString(width / 2, height - 4.5 * cm, _("Certificado de aprobación"))
        c.setFillColor(HexColor("#1b1f1c"))
        c.setFont("Helvetica", 16)
        c.drawCentredString(width / 2, height - 6.5 * cm, _("Semilla certifica que"))
        _centred_fit(c, certificate.learner_name, width / 2, height - 8.2 * cm, "Helvetica-Bold", 26, width - 4 * cm)
        c.setFont("Helvetica", 16)
        c.drawCentredString(width / 2, height - 9.8 * cm, _("aprobó el curso"))
        _centred_fit(c, certificate.course_title, width / 2, height - 11.3 * cm, "Helvetica-Bold", 20, width - 4 * cm)
        c.setFont("Helvetica", 14)
        duration = ngettext(
            "con una duración de %(hours)s hora, el %(date)s.",
            "con una duración de %(hours)s horas, el %(date)s.",
            plural_count(certificate.hours),
        )
        c.drawCentredString(
            width / 2,
            height - 12.9 * cm,
            duration
            % {
                "hours": _hours(certificate.hours),
                "date": spanish_date(certificate.issued_at),
            },
        )
        url = verification_url(certificate.code)
        c.setFont("Helvetica", 11)
        c.drawString(2.5 * cm, 3.6 * cm, _("Código de verificación: %(code)s") % {"code": certificate.code})
        c.drawString(2.5 * cm, 3.0 * cm, _("Verifica este certificado en %(url)s") % {"url": url})
        _qr(c, url, width - 6.5 * cm, 2.0 * cm, 4 * cm)
    c.showPage()
    c.save()
    return buffer.getvalue()
