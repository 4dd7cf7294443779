"""A team's private pitch result as a PDF (same approach as the plan PDF: reportlab, A4, Spanish)."""

import io
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from cms.plurals import plural_count
from incubator.jury.models import Result
from incubator.jury.selectors.results import PrivateResult
from incubator.plans.finance import usd
from incubator.plans.pdf import pdf_styles  # the house PDF look (brand colour, headings)


def outcome_sentence(result: PrivateResult) -> str:
    """One sentence on seed capital, the same on the page and in the PDF."""
    if result.award is not None:
        return _("Tu emprendimiento recibe capital semilla en bienes por %(amount)s.") % {
            "amount": usd(result.award.amount)
        }
    if result.result.outcome == Result.Outcome.WITHDRAWN:
        return _("Tu emprendimiento se retiró del capital semilla.")
    if result.reserve_position:
        return _(
            "Tu emprendimiento está en la lista de reserva, en el lugar %(position)s. Si un ganador se retira "
            "y el presupuesto alcanza, te avisaremos."
        ) % {"position": result.reserve_position}
    return _("Esta vez tu emprendimiento no recibe capital semilla.")


def result_pdf(*, result: PrivateResult) -> bytes:
    """The PDF bytes of one team's result: no juror names, no other team."""
    buffer = io.BytesIO()
    s = pdf_styles()
    with translation.override("es"):
        when = formats.date_format(timezone.localtime(result.event.starts_at), r"j \d\e F \d\e Y")
        story = [
            Paragraph(escape(_("Resultado del pitch: %(venture)s") % {"venture": result.entry}), s["title"]),
            Paragraph(escape(_("%(event)s, %(date)s.") % {"event": result.event.name, "date": when}), s["muted"]),
            Paragraph(
                escape(
                    ngettext(
                        "Puesto %(rank)s con %(score)s punto de 100.",
                        "Puesto %(rank)s con %(score)s puntos de 100.",
                        plural_count(result.result.score),
                    )
                    % {"rank": result.result.rank, "score": formats.number_format(result.result.score, 2)}
                ),
                s["body"],
            ),
            Paragraph(escape(outcome_sentence(result)), s["body"]),
            Paragraph(escape(_("Nivel promedio por criterio (de 1 a 5)")), s["h2"]),
        ]
        for c in result.criteria:
            mean = formats.number_format(c.mean, 1) if c.mean is not None else "—"
            story.append(Paragraph(escape(f"{c.name}: {mean}"), s["body"]))
        story.append(Paragraph(escape(_("Comentarios del jurado")), s["h2"]))
        for comment in result.comments or [_("El jurado no dejó comentarios.")]:
            story.append(Paragraph(escape(comment).replace("\n", "<br/>"), s["body"]))
        story.append(Spacer(1, 0.5 * cm))
        story.append(Paragraph(escape(_("Este documento es privado: compártelo solo con tu equipo.")), s["muted"]))
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=2 * cm,
            bottomMargin=2 * cm,
            title=_("Resultado del pitch"),
            author="Semilla",
        )
        doc.build(story)
    return buffer.getvalue()
