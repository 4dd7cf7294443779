"""The coordination desk's demo data: one programme with three centers, consent texts, and people across cities.

`desk_demo_ensure()` is idempotent (everything keyed by a natural key, created only when missing) and is called
by the lms demo (`manage.py demo_load`) and again by the incubator's, after their accounts exist. It never runs in
production: the callers refuse first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from cms.accounts.models import Center, Participant, Programme, User
from cms.accounts.roles import Role
from cms.people import selectors, services
from cms.people.models import ConsentText, Purpose

PROGRAMME = ("Emprende Pichincha", "emprende-pichincha")
CENTERS = (
    ("Centro Comunitario La Floresta", "Pichincha", "Quito"),
    ("Casa Barrial Los Rosales", "Santo Domingo de los Tsáchilas", "Santo Domingo"),
    ("Biblioteca Municipal de Ibarra", "Imbabura", "Ibarra"),
)
COORDINATOR = "coordinadora"
DONOR = "donante"  # sees the suppressed indicators of the programme it funds
TEXT_VERSION = "v2026-12"
TEXTS = {
    Purpose.TRAINING: (
        "Guardamos tu nombre, tus datos de contacto y tu avance para darte los cursos, el acompañamiento de la "
        "incubadora y tus certificados. Solo lo ve el equipo del programa. Puedes retirar este permiso cuando "
        "quieras en «Mis permisos» o pidiéndolo en tu centro."
    ),
    Purpose.REFERRAL: (
        "Para derivarte a un servicio (por ejemplo guardería o apoyo legal), compartimos con esa organización solo "
        "tu primer nombre, el contacto que elijas y lo que necesitas. Te preguntamos cada vez, por cada "
        "organización y cada servicio."
    ),
    Purpose.DONOR_AGGREGATE: (
        "Contamos cuántas personas participan (por ejemplo, cuántas mujeres o cuántas personas migrantes) en los "
        "informes al donante. Nunca damos tu nombre ni datos que te identifiquen."
    ),
    Purpose.CATALOGUE_PHOTOS: (
        "Publicamos fotos de tu negocio y de tus productos en el catálogo de emprendimientos. No publicamos fotos "
        "tuyas sin preguntarte."
    ),
}


@dataclass(frozen=True)
class WalkIn:
    given_names: str
    surnames: str
    city: str
    sex: str
    nationality: str
    mobility: str
    born: date | None = None
    document_type: str = ""
    disability: str = "no"
    children_under_5: int | None = None
    phone: str = ""


def _cedula(seed: int) -> str:
    """A made-up Ecuadorian cédula of Pichincha (17) whose check digit is right."""
    first = f"17{seed:07d}"
    total = 0
    for index, digit in enumerate(first):
        product = int(digit) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return f"{first}{(10 - total % 10) % 10}"


M, F = "hombre", "mujer"
VE, EC, CO = "venezolana", "ecuatoriana", "colombiana"
# Quito, Santo Domingo and Ibarra have a center; Cuenca and Guayaquil do not (outside the programme's scope).
WALK_INS: tuple[WalkIn, ...] = (
    WalkIn("Brígida", "Yépez Hidalgo", "Quito", F, VE, "migrante", date(1990, 3, 14), "cedula_venezolana", "no", 2),
    WalkIn("Brijida", "Llépez Idalgo", "Quito", F, VE, "migrante", date(1990, 3, 14), "", "no", 2),  # typed twice
    WalkIn("Jhonny Alexander", "Valverde", "Quito", M, VE, "refugiada", date(1987, 11, 2), "pasaporte"),
    WalkIn("Yenifer", "Castillo Mora", "Quito", F, VE, "migrante", date(1996, 6, 30), "cedula_venezolana", "no", 1),
    WalkIn("Luz Marina", "Caicedo", "Quito", F, CO, "refugiada", date(1982, 1, 9), "pasaporte", "si", 0),
    WalkIn("Rosa Elena", "Quishpe Tipán", "Quito", F, EC, "acogida", date(1979, 8, 21), "cedula", "no", 0),
    WalkIn("Marcos", "Guamán", "Quito", M, EC, "retornada", date(1985, 5, 5), "cedula"),
    WalkIn("Daniela", "Rondón Pérez", "Quito", F, VE, "migrante", date(2001, 12, 1), "", "no", 1),
    WalkIn("Carlos Eduardo", "Mendoza", "Quito", M, VE, "no_dice", None, ""),
    WalkIn("Fanny", "Chiriboga", "Quito", F, EC, "acogida", date(1970, 2, 17), "cedula", "si"),
    WalkIn("Wilmer", "Ortiz Bravo", "Quito", M, CO, "migrante", date(1993, 9, 11), "pasaporte"),
    WalkIn("Génesis", "Parra", "Santo Domingo", F, VE, "migrante", date(1999, 4, 4), "cedula_venezolana", "no", 2),
    WalkIn("Yoni", "Salazar", "Santo Domingo", M, VE, "refugiada", date(1988, 7, 19), ""),
    WalkIn("Mayra", "Zambrano Vera", "Santo Domingo", F, EC, "acogida", date(1984, 10, 10), "cedula", "no", 1),
    WalkIn("Ana Lucía", "Bermúdez", "Santo Domingo", F, CO, "refugiada", date(1991, 3, 3), "pasaporte", "no", 3),
    WalkIn("José Gregorio", "Hernández", "Santo Domingo", M, VE, "migrante", date(1980, 1, 25), "cedula_venezolana"),
    WalkIn("Karina", "Aguirre", "Santo Domingo", F, EC, "retornada", date(1986, 6, 6), "cedula", "si", 0),
    WalkIn("Oriana", "Villalobos", "Santo Domingo", F, VE, "migrante", date(2003, 2, 14), "", "no", 1),
    WalkIn("Segundo", "Cedeño", "Santo Domingo", M, EC, "acogida", date(1975, 11, 30), "cedula"),
    WalkIn("María Fernanda", "Pabón", "Ibarra", F, CO, "refugiada", date(1994, 8, 8), "pasaporte", "no", 2),
    WalkIn("Luis Miguel", "Guerrero", "Ibarra", M, VE, "migrante", date(1989, 12, 12), "cedula_venezolana"),
    WalkIn("Nelly", "Cotacachi", "Ibarra", F, EC, "acogida", date(1981, 4, 18), "cedula", "no", 0),
    WalkIn("Jenifer", "Rivas", "Ibarra", F, VE, "migrante", date(1998, 5, 27), "", "no", 1),
    WalkIn("Pedro Pablo", "Andrade", "Ibarra", M, EC, "retornada", date(1977, 9, 3), "cedula", "si"),
    WalkIn("Valeria", "Montilla", "Ibarra", F, VE, "no_dice", date(2000, 10, 20), ""),
    WalkIn("Ximena", "Pozo", "Ibarra", F, EC, "acogida", date(1992, 1, 1), "cedula", "no", 2),
    WalkIn("Andrés", "Lugo", "Ibarra", M, CO, "migrante", date(1995, 7, 7), "pasaporte"),
    WalkIn("Carmen Rosa", "Blanco", "Cuenca", F, VE, "migrante", date(1983, 3, 23), "", "no", 1),
    WalkIn("Édgar", "Lozada", "Guayaquil", M, VE, "refugiada", date(1979, 6, 16), "pasaporte"),
    WalkIn("Dayana", "Torrealba", "Quito", F, VE, "migrante", date(1997, 11, 11), "", "no", 0),
)


def desk_demo_ensure(*, created: Counter[str] | None = None) -> Counter[str]:
    """Programme, centers, consent texts, the demo learners' centers and ~30 walk-ins. Returns what it created."""
    created = Counter() if created is None else created
    programme = _programme_ensure(created)
    centers = {center.city: center for center in programme.centers.all()}
    for purpose, body in TEXTS.items():
        _text, new = ConsentText.objects.get_or_create(purpose=purpose, version=TEXT_VERSION, defaults={"body": body})
        if new:
            created["textos de permiso"] += 1
    coordinator = User.objects.filter(username=COORDINATOR).first()
    if coordinator is not None:
        programme.coordinators.add(coordinator)
    _learners_placed(centers, created)
    if coordinator is not None:
        for seed, spec in enumerate(WALK_INS, start=1):
            _walk_in_ensure(spec=spec, seed=seed, centers=centers, by=coordinator, created=created)
    return created


def _programme_ensure(created: Counter[str]) -> Programme:
    name, slug = PROGRAMME
    programme, new = Programme.objects.get_or_create(slug=slug, defaults={"name": name})
    if new:
        created["programas"] += 1
    for center_name, province, city in CENTERS:
        _center, new = Center.objects.get_or_create(
            programme=programme, name=center_name, defaults={"province": province, "city": city}
        )
        if new:
            created["centros"] += 1
    donor = User.objects.filter(username=DONOR).first()
    if donor is not None:
        programme.donors.add(donor)
    return programme


def _learners_placed(centers: dict[str, Center], created: Counter[str]) -> None:
    """Learners' records without a center get the center of their city, and their consent for training
    (they accepted it when their account was opened)."""
    learners = Participant.objects.filter(
        user__groups__name=Role.LEARNER.value, center__isnull=True, city__in=list(centers)
    )
    for participant in learners:
        participant.center = centers[participant.city]
        participant.save(update_fields=["center", "updated_at"])
        created["personas en un centro"] += 1
        if not selectors.consent_given(participant=participant, purpose=Purpose.TRAINING):
            services.consent_give(participant=participant, purpose=Purpose.TRAINING, by=None)


def _walk_in_ensure(*, spec: WalkIn, seed: int, centers: dict[str, Center], by: User, created: Counter[str]) -> None:
    if Participant.objects.filter(given_names=spec.given_names, surnames=spec.surnames, user__isnull=True).exists():
        return
    center = centers.get(spec.city)
    document = {
        "cedula": _cedula(seed),
        "cedula_venezolana": f"V-{18_000_000 + seed * 7919:,}".replace(",", "."),
        "pasaporte": f"{'AB' if spec.nationality == 'colombiana' else 'VE'}{400000 + seed * 37}",
    }.get(spec.document_type, "")
    participant = services.participant_register(
        by=by,
        given_names=spec.given_names,
        surnames=spec.surnames,
        birth_date=spec.born,
        sex=spec.sex,
        nationality=spec.nationality,
        mobility=spec.mobility,
        document_type=spec.document_type,
        document_number=document,
        phone=spec.phone or f"09{80000000 + seed * 1_234_567 % 9_999_999:08d}",
        province=center.province if center else "",
        city=spec.city,
        center=center,
        disability=spec.disability,
        children_under_5=spec.children_under_5,
    )
    services.consent_give(participant=participant, purpose=Purpose.TRAINING, by=by)
    if seed % 3:
        services.consent_give(participant=participant, purpose=Purpose.DONOR_AGGREGATE, by=by)
    created["personas sin cuenta"] += 1
