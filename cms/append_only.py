"""Append-only logs: a line is written once, never changed, never deleted."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyModel(models.Model):
    """Base of the append-only logs (enrolments, participations, pitch day, seed capital): saving an existing
    row or deleting one is refused. Bulk queryset updates and deletes bypass this (so does the cascade when
    the row a log line belongs to is removed); the services never use them on a log."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("El registro no se puede modificar."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("El registro no se puede borrar."))
