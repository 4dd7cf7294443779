"""The default pitch rubric, so coordinators find it in the admin from day one (they can copy and adjust it)."""

from decimal import Decimal

from django.db import migrations

DEFAULT_NAME = "Rúbrica de pitch (predeterminada)"
CRITERIA = (
    ("Calidad del plan de negocio", "0.25", (
        "El plan está incompleto: faltan clientes, costos o precio.",
        "El plan tiene las partes, pero con datos inventados o contradictorios.",
        "El plan está completo y se entiende; algunos números no están sustentados.",
        "El plan es claro y coherente; los números salen de lo que ya vendió o preguntó.",
        "El plan es claro, coherente y probado con clientes reales; sabe qué hará mes a mes.",
    )),
    ("Efectividad del pitch", "0.15", (
        "No se entiende qué vende ni a quién.",
        "Se entiende la idea, pero se pasa del tiempo o se pierde.",
        "Explica qué vende, a quién y por qué lo comprarían.",
        "Explica con claridad y responde bien las preguntas.",
        "Convence: claro, a tiempo, con ejemplos reales y respuestas seguras.",
    )),
    ("Viabilidad financiera", "0.25", (
        "El precio no cubre los costos o no los conoce.",
        "Cubre los costos variables, pero no sabe cuándo llega al punto de equilibrio.",
        "Conoce su punto de equilibrio; las ventas esperadas son posibles.",
        "Ya vende y sus ventas se acercan al punto de equilibrio.",
        "Ya cubre sus costos; el capital semilla acelera un negocio que funciona.",
    )),
    ("Impacto social e inclusión", "0.20", (
        "No dice a quién beneficia además del equipo.",
        "Beneficia al equipo y a su familia.",
        "Da trabajo o compra a personas de su comunidad.",
        "Incluye a personas migrantes y de la comunidad de acogida en su equipo o clientes.",
        "Tiene un impacto claro y medible en su comunidad y lo cuida en su plan.",
    )),
    ("Capacidad del equipo", "0.15", (
        "El equipo no tiene la experiencia ni el tiempo para el negocio.",
        "Tiene ganas, pero le faltan habilidades clave y no sabe cómo conseguirlas.",
        "Tiene las habilidades básicas y cumplió la mayoría de los hitos.",
        "Cumplió los hitos a tiempo y sabe pedir ayuda.",
        "Cumplió todos los hitos, aprende rápido y reparte bien las tareas.",
    )),
)


def create_default(apps, schema_editor):
    Rubric = apps.get_model("jury", "Rubric")
    Criterion = apps.get_model("jury", "Criterion")
    if Rubric.objects.filter(name=DEFAULT_NAME).exists():
        return
    rubric = Rubric.objects.create(name=DEFAULT_NAME, description="Cinco criterios con peso; niveles del 1 al 5.")
    for order, (name, weight, levels) in enumerate(CRITERIA):
        Criterion.objects.create(rubric=rubric, sort_order=order, name=name, weight=Decimal(weight),
                                 **{f"level_{n}": text for n, text in enumerate(levels, start=1)})


class Migration(migrations.Migration):
    dependencies = [("jury", "0001_initial")]
    operations = [migrations.RunPython(create_default, migrations.RunPython.noop)]
