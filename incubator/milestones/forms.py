from django import forms
from django.utils.translation import gettext_lazy as _

from incubator.milestones.models import Milestone, Review


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo"),
        help_text=_("Foto (hasta 5 MB), PDF o audio (hasta 10 MB)."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf,audio/*"}),
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decisión"), choices=Review.Decision.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comentario para el equipo"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Obligatorio si pides cambios."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Review.Decision.CHANGES and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Escribe qué debe cambiar el equipo."))
        return data


class MentorLogForm(forms.Form):
    seen = forms.CharField(label=_("Qué vimos"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))
    next_step = forms.CharField(label=_("Próximo paso"), max_length=200)
    due_on = forms.DateField(
        label=_("Para cuándo"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Fecha, por ejemplo 2025-06-30."),
    )


class LogTaskForm(forms.Form):
    milestone = forms.ModelChoiceField(label=_("Hito"), queryset=Milestone.objects.none(), empty_label=None)

    def __init__(self, *args, milestones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = Milestone.objects.filter(pk__in=[m.pk for m in milestones])
        self.fields["milestone"].choices = [(m.pk, str(m)) for m in milestones]


class PrototypeForm(forms.Form):
    description = forms.CharField(
        label=_("¿Qué cambió en esta versión?"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )


class PrototypePhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Foto"),
        help_text=_("JPG, PNG o WebP, hasta 5 MB. La achicamos para que cargue rápido."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )


class FeedbackForm(forms.Form):
    note = forms.CharField(label=_("Qué dijo el cliente"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
