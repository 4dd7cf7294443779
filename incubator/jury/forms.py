"""Forms of the juror and setup pages. They validate shape; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from incubator.jury.models import Criterion

NO_CONFLICT, CONFLICT = "sin_conflicto", "conflicto"


class ConflictForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("¿Tienes un conflicto de interés con este emprendimiento?"),
        widget=forms.RadioSelect,
        choices=[(NO_CONFLICT, _("No tengo conflicto de interés")), (CONFLICT, _("Tengo un conflicto"))],
        error_messages={"required": _("Elige una de las dos opciones.")},
        help_text=_("Hay conflicto si conoces al equipo, es tu familia, tu cliente, tu proveedor o tu competencia."),
    )
    reason = forms.CharField(
        label=_("Motivo del conflicto"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatorio si tienes un conflicto. Lo ve solo la coordinación."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == CONFLICT and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Escribe el motivo del conflicto."))
        return data


def level_field_name(criterion: Criterion) -> str:
    return f"nivel_{criterion.pk}"


class ScoreSheetForm(forms.Form):
    """One radio group per criterion (label = level number and its descriptor), the comment for the team,
    the private note and the revision the sheet was loaded at."""

    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comentario para el emprendimiento"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("El equipo lo lee después del evento, sin tu nombre."),
    )
    private_note = forms.CharField(
        label=_("Nota privada"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Solo tú la ves. Sirve para recordar por qué calificaste así."),
    )

    def __init__(self, *args, criteria: list[Criterion], readonly: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        levels = {}
        for criterion in criteria:
            levels[level_field_name(criterion)] = forms.TypedChoiceField(
                label=criterion.name,
                required=False,
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                choices=[
                    (n, _("Nivel %(level)s: %(text)s") % {"level": n, "text": text})
                    for n, text in criterion.descriptors
                ],
            )
        self.fields = {**levels, **self.fields}
        if readonly:
            for field in self.fields.values():
                field.disabled = True

    def level_fields(self) -> list[tuple[Criterion, forms.BoundField]]:
        return [(c, self[level_field_name(c)]) for c in self.criteria]

    def levels(self) -> dict[int, int | None]:
        return {c.pk: self.cleaned_data.get(level_field_name(c)) for c in self.criteria}


class CalibrationForm(forms.Form):
    title = forms.CharField(label=_("Título del pitch de muestra"), max_length=150)
    text = forms.CharField(
        label=_("Resumen del pitch de muestra"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Un emprendimiento inventado o de otra cohorte, sin nombres reales."),
    )
