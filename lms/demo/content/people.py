"""The demo accounts and the texts of the site's front pages."""

from dataclasses import dataclass, field

from cms.accounts.roles import Role


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    superuser: bool = False
    profile: dict[str, object] = field(default_factory=dict)


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser(
        "aprendiz",
        "María José",
        "Rondón",
        Role.LEARNER,
        profile={
            "sex": "mujer",
            "birth_year": 1995,
            "nationality": "venezolana",
            "province": "Pichincha",
            "city": "Quito",
            "disability": "no",
            "mobility": "migrante",
        },
    ),
    DemoUser(
        "mentora",
        "Gabriela",
        "Paredes",
        Role.MENTOR,
        profile={
            "sex": "mujer",
            "birth_year": 1983,
            "nationality": "ecuatoriana",
            "province": "Azuay",
            "city": "Cuenca",
            "disability": "no",
            "mobility": "acogida",
        },
    ),
    DemoUser(
        "jurado",
        "Luis Alberto",
        "Jaramillo",
        Role.JURY,
        profile={
            "sex": "hombre",
            "birth_year": 1976,
            "nationality": "ecuatoriana",
            "province": "Loja",
            "city": "Loja",
            "disability": "no",
            "mobility": "acogida",
        },
    ),
    DemoUser(
        "coordinadora",
        "Carmen",
        "Villacís",
        Role.COORDINATOR,
        profile={
            "sex": "mujer",
            "birth_year": 1988,
            "nationality": "ecuatoriana",
            "province": "Imbabura",
            "city": "Ibarra",
            "disability": "no",
            "mobility": "acogida",
        },
    ),
    DemoUser(
        "aliada",
        "Rosa",
        "Quishpe",
        Role.PARTNER,
    ),
    DemoUser(
        "donante",
        "Helena",
        "Vásconez",
        Role.DONOR,
    ),
    DemoUser(
        "admin",
        "Andrés",
        "Salazar",
        Role.ADMIN,
        superuser=True,
        profile={
            "sex": "hombre",
            "nationality": "colombiana",
            "province": "Sucumbíos",
            "city": "Lago Agrio",
            "mobility": "migrante",
        },
    ),
)

# The demo staff accounts (coordinadora, admin) sign in with a second factor like real staff. Their TOTP app
# secret is published here and in the README, so a demo can add it to any authenticator app, or print the
# current code with `manage.py demo_codigo coordinadora`. Base32, 20 bytes; never used outside the demo.
DEMO_TOTP_SECRET = "SEMILLADEMOSEMILLADEMOSEMILLADEM"

HOME_TITLE = "Semilla"
HOME_SLUG = "inicio"
HOME_INTRO = (
    "<p><b>Semilla</b> es un espacio para aprender y hacer crecer tu emprendimiento en Ecuador.</p>"
    "<p>Aquí encuentras cursos cortos y gratuitos: educación financiera, habilidades blandas, "
    "marketing digital y plan de negocio. Son para personas migrantes y para personas de la "
    "comunidad de acogida, en Quito, Cuenca, Loja, Ibarra y Lago Agrio.</p>"
    "<p>Después de los cursos viene la incubadora: cuatro meses con mentoría para preparar tu plan "
    "de negocio y presentarlo ante un jurado.</p>"
)

COURSES_TITLE = "Cursos"
COURSES_SLUG = "cursos"
COURSES_INTRO = (
    "<p>Elige un curso. Las lecciones son cortas y puedes leerlas desde el celular. Tu avance se guarda siempre.</p>"
)
