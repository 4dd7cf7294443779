"""A frozen plan version as a PDF: A4, Spanish, the canvas, the narrative and the financial results."""

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from incubator.plans.fields import CANVAS_BLOCKS, LABELS, NARRATIVE_SECTIONS, RESULT_LABELS
from incubator.plans.finance import usd

BRAND = HexColor("#1d6b3a")


def pdf_styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("t", parent=base["Title"], textColor=BRAND),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], textColor=BRAND),
        "h3": ParagraphStyle("h3", parent=base["Heading4"], spaceBefore=6),
        "body": ParagraphStyle("b", parent=base["BodyText"], leading=14),
        "muted": ParagraphStyle("m", parent=base["BodyText"], textColor=HexColor("#5b625d")),
    }


def _text(value: str, style) -> Paragraph:
    return Paragraph(escape(value).replace("\n", "<br/>") if value.strip() else "—", style)


def version_pdf(*, venture, version) -> bytes:
    """The PDF bytes of one version, built only from its frozen snapshot."""
    fields, results = version.snapshot["fields"], version.snapshot["finance"]
    buffer = io.BytesIO()
    s = pdf_styles()
    with translation.override("es"):
        when = formats.date_format(timezone.localtime(version.submitted_at), r"j \d\e F \d\e Y")
        story = [
            Paragraph(escape(_("Plan de negocio: %(venture)s") % {"venture": venture.name}), s["title"]),
            Paragraph(
                escape(_("Versión %(number)s, enviada el %(date)s.") % {"number": version.number, "date": when}),
                s["muted"],
            ),
            Paragraph(escape(_("Lienzo del modelo de negocio")), s["h2"]),
        ]
        for block in CANVAS_BLOCKS:
            story += [Paragraph(escape(str(block.label)), s["h3"]), _text(fields[block.name], s["body"])]
        story.append(Paragraph(escape(_("El plan en palabras")), s["h2"]))
        for section in NARRATIVE_SECTIONS:
            story += [Paragraph(escape(str(section.label)), s["h3"]), _text(fields[section.name], s["body"])]
        story.append(Paragraph(escape(_("Hoja financiera")), s["h2"]))
        for name in ("startup_costs", "fixed_costs"):
            story.append(Paragraph(escape(str(LABELS[name])), s["h3"]))
            for row in fields[name]:
                story.append(_text(f"{row['description']}: {usd(Decimal(row['amount']))}", s["body"]))
            total_key = "startup_total" if name == "startup_costs" else "fixed_total"
            story.append(_text(_("Total: %(amount)s") % {"amount": usd(Decimal(results[total_key]))}, s["body"]))
        story.append(
            _text(
                _("Precio por unidad: %(price)s. Materiales por unidad: %(cost)s. Unidades al mes: %(units)s.")
                % {
                    "price": usd(Decimal(fields["price_per_unit"])),
                    "cost": usd(Decimal(fields["variable_cost_per_unit"])),
                    "units": fields["expected_monthly_units"],
                },
                s["body"],
            )
        )
        story.append(Paragraph(escape(_("Resultados")), s["h2"]))
        for key, label in RESULT_LABELS.items():
            story += [Paragraph(escape(str(label)), s["h3"]), _text(results[key]["sentence"], s["body"])]
        story.append(Spacer(1, 0.5 * cm))
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=2 * cm,
            bottomMargin=2 * cm,
            title=_("Plan de negocio"),
            author="Semilla",
        )
        doc.build(story)
    return buffer.getvalue()
