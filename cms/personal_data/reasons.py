"""The reasons, shared by the apps' declarations, for keeping a row after erasing a person. They are shown to
her before she confirms. Article numbers are those of the LOPDP (Registro Oficial, 5to suplemento 459, 26 May
2021); the retention periods must be confirmed by the programme's counsel before going live."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data.registry import Keep, Listed

COUNTS = Keep(
    reason=_("Se queda sin tu nombre: sirve para contar, sin nombres, a cuántas personas llegó el programa."),
    legal_basis=_("Dato anonimizado: ya no te identifica (LOPDP Art. 4)."),
)
TEAM = Keep(
    reason=_("Es del emprendimiento y de tu equipo: se queda, sin tu nombre."),
    legal_basis=_("Derechos de otras personas (LOPDP Art. 18)."),
)
AUDIT = Keep(
    reason=_("Es el registro de quién hizo qué y cuándo: se queda, sin tu nombre."),
    legal_basis=_("Responsabilidad proactiva y defensa de reclamos (LOPDP Art. 18)."),
)
SEED_CAPITAL = Keep(
    reason=_(
        "El capital semilla es dinero de donantes: las compras, entregas y facturas se guardan 7 años, "
        "sin tu nombre, porque las normas tributarias y contables obligan a guardarlas."
    ),
    legal_basis=_(
        "Obligación legal (LOPDP Art. 18). Plazo de 7 años por la conservación de comprobantes y registros "
        "contables en Ecuador; debe confirmarlo la asesoría legal."
    ),
    years=7,
)
STAFF = Keep(
    reason=_("Es contenido del sitio hecho por el equipo: se queda, con la autoría anonimizada."),
    legal_basis=_("Dato anonimizado: ya no te identifica (LOPDP Art. 4)."),
)

JURY_PRIVATE = Listed(
    reason=_(
        "Notas privadas del jurado: existen, pero no se muestran porque protegen la deliberación del jurado "
        "y la opinión de otras personas (LOPDP Art. 18)."
    ),
    date_field="updated_at",
)
CASE_NOTES = Listed(
    reason=_(
        "Notas del equipo de coordinación sobre tu caso: existen, pero su contenido no se muestra porque "
        "puede incluir datos de otras personas (LOPDP Art. 18). Puedes pedir verlas en tu centro."
    ),
    date_field="created_at",
)
