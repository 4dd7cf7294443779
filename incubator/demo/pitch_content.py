"""Pitch day demo as plain data: a cohort that finished in Cuenca, its six ventures and the jury's sheets,
plus the coming pitch of the Quito cohort with a sample pitch for the jurors to practise on."""

from dataclasses import dataclass
from datetime import date, datetime

from cms.accounts.roles import Role
from lms.demo.content.people import DemoUser

PAST_COHORT_NAME = "Cohorte Cuenca 2026-1"
PAST_COHORT_CITY = "Cuenca"
PAST_COHORT_START = date(2026, 3, 2)
PAST_EVENT_NAME = "Pitch de cierre · Cohorte Cuenca 2026-1"
PAST_EVENT_AT = datetime(2026, 7, 10, 9, 30)
PAST_EVENT_PLACE = "Casa de la Juventud, Cuenca"

NEXT_EVENT_NAME = "Pitch de cierre · Cohorte Quito 2026"
NEXT_EVENT_AT = datetime(2026, 12, 3, 9, 30)
NEXT_EVENT_PLACE = "Centro de emprendimiento, Quito"
SAMPLE_PITCH_TITLE = "Pitch de muestra: Empanadas Doña Rosa"
SAMPLE_PITCH_TEXT = (
    "Vendo empanadas de verde y de morocho en la salida del colegio. Hoy vendo 60 al día a 0,50 USD; "
    "cada una me cuesta 0,22 USD. Quiero una freidora industrial para vender también en las tardes. "
    "Mis clientes son estudiantes y padres de familia. Trabajo con mi hija."
)

BUDGET, FIXED_AMOUNT = "2100.00", "700.00"

JURORS: tuple[DemoUser, ...] = (
    DemoUser(
        "jurado2",
        "Patricia",
        "Villavicencio",
        Role.JURY,
        profile={
            "sex": "mujer",
            "birth_year": 1976,
            "nationality": "ecuatoriana",
            "province": "Azuay",
            "city": "Cuenca",
            "disability": "no",
            "mobility": "acogida",
        },
    ),
    DemoUser(
        "jurado3",
        "Ramón",
        "Urdaneta",
        Role.JURY,
        profile={
            "sex": "hombre",
            "birth_year": 1969,
            "nationality": "venezolana",
            "province": "Azuay",
            "city": "Cuenca",
            "disability": "no",
            "mobility": "migrante",
        },
    ),
)


@dataclass(frozen=True)
class PastVenture:
    username: str
    first_name: str
    last_name: str
    nationality: str
    community: str
    name: str
    sector: str
    description: str
    plan: dict
    levels: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]  # per juror: one level per criterion
    comments: tuple[str, str, str]


def _plan(segments: str, value: str, unit: str, price: str, cost: str, units: int, startup: str) -> dict:
    return {
        "customer_segments": segments,
        "value_proposition": value,
        "unit_name": unit,
        "price_per_unit": price,
        "variable_cost_per_unit": cost,
        "expected_monthly_units": units,
        "startup_costs": [{"description": "Equipos y herramientas", "amount": startup}],
        "fixed_costs": [{"description": "Arriendo y servicios", "amount": "90.00"}],
    }


PAST_VENTURES: tuple[PastVenture, ...] = (
    PastVenture(
        "dayana",
        "Dayana",
        "Morillo",
        "venezolana",
        "migrante",
        "Arepas La Caraqueña",
        "alimentos",
        "Arepas rellenas y jugos en el mercado 10 de Agosto, con pedidos por WhatsApp para oficinas.",
        _plan(
            "Trabajadores del mercado y oficinas cercanas.",
            "Arepas recién hechas en 5 minutos.",
            "arepa",
            "2.50",
            "1.10",
            600,
            "650.00",
        ),
        ((5, 4, 5, 4, 5), (4, 4, 5, 4, 4), (5, 5, 4, 4, 5)),
        (
            "Tus números son claros y ya vendes: sigue así.",
            "Cuida los costos de la harina cuando sube.",
            "Muy buen pitch, se nota que conoces a tus clientes.",
        ),
    ),
    PastVenture(
        "carmenrosa",
        "Carmen Rosa",
        "Sigüenza",
        "ecuatoriana",
        "acogida",
        "Tejidos de Paja Toquilla Sígsig",
        "artesanias",
        "Sombreros y bolsos de paja toquilla tejidos por seis mujeres de Sígsig.",
        _plan(
            "Turistas y tiendas de artesanías de Cuenca.",
            "Tejido a mano con diseños propios.",
            "sombrero",
            "35.00",
            "14.00",
            40,
            "480.00",
        ),
        ((4, 4, 4, 5, 4), (4, 3, 4, 5, 4), (5, 4, 4, 5, 4)),
        (
            "El impacto en las tejedoras es muy valioso.",
            "Busca una tienda fija en el centro.",
            "Explica mejor cuánto ganas por sombrero.",
        ),
    ),
    PastVenture(
        "marisol",
        "Marisol",
        "Quizhpi",
        "ecuatoriana",
        "acogida",
        "Uñas y Estilo Marisol",
        "belleza",
        "Manicure y pedicure a domicilio en Cuenca, con turnos por WhatsApp.",
        _plan(
            "Mujeres que trabajan y no tienen tiempo de ir al salón.",
            "Voy a tu casa, puntual.",
            "servicio",
            "12.00",
            "3.50",
            120,
            "420.00",
        ),
        ((4, 4, 4, 3, 4), (3, 4, 4, 3, 3), (4, 5, 4, 3, 4)),
        (
            "Buen servicio; piensa en cómo crecer sin cansarte.",
            "Te falta medir cuántas clientas repiten.",
            "Tu pitch fue claro y alegre.",
        ),
    ),
    PastVenture(
        "franklin",
        "Franklin",
        "Tenesaca",
        "ecuatoriana",
        "acogida",
        "Reparaciones Eléctricas Franklin",
        "servicios",
        "Instalaciones y reparaciones eléctricas en casas y pequeños locales.",
        _plan(
            "Familias y tiendas de barrio.",
            "Llego el mismo día y doy garantía.",
            "visita",
            "20.00",
            "6.00",
            70,
            "700.00",
        ),
        ((3, 3, 4, 3, 4), (3, 3, 3, 3, 4), (4, 3, 4, 3, 4)),
        (
            "Sabes tu oficio; escribe mejor tu plan.",
            "Separa tus gastos de la casa y del negocio.",
            "Prepara ejemplos de trabajos que hiciste.",
        ),
    ),
    PastVenture(
        "yuleisy",
        "Yuleisy",
        "Carrasquel",
        "venezolana",
        "migrante",
        "Huerto Urbano Yuleisy",
        "alimentos",
        "Hortalizas orgánicas en canastas semanales para familias del barrio.",
        _plan(
            "Familias que quieren comer sano.",
            "Canasta fresca cada semana, sin químicos.",
            "canasta",
            "15.00",
            "7.00",
            50,
            "380.00",
        ),
        ((3, 3, 3, 4, 3), (3, 2, 3, 4, 3), (3, 3, 3, 5, 3)),
        (
            "La idea es buena; te faltan más clientes fijos.",
            "Calcula cuántas canastas necesitas al mes.",
            "Me gusta el trabajo con tus vecinas.",
        ),
    ),
    PastVenture(
        "wilmer",
        "Wílmer",
        "Ordóñez",
        "colombiana",
        "migrante",
        "Confecciones Wílmer",
        "confeccion",
        "Uniformes escolares y de trabajo a medida, con entrega en una semana.",
        _plan(
            "Escuelas pequeñas y empresas de limpieza.",
            "Uniformes a medida y a tiempo.",
            "uniforme",
            "18.00",
            "9.50",
            60,
            "900.00",
        ),
        ((2, 3, 2, 3, 3), (3, 3, 2, 3, 2), (2, 3, 3, 3, 3)),
        (
            "Revisa tu precio: casi no te queda ganancia.",
            "Busca contratos antes de comprar la máquina.",
            "Se nota tu experiencia en costura.",
        ),
    ),
)
