"""Publish the first consent text, version 2026-11."""

from django.db import migrations

VERSION = "2026-11"
BODY = """Semilla es un programa de formación y apoyo a emprendimientos. Antes de crear tu cuenta, lee qué datos guardamos y para qué.

Qué datos guardamos
- Tu nombre de usuario, tu nombre y apellido, y tu contraseña (guardada de forma cifrada, nadie puede leerla).
- Tu teléfono y tu correo, solo si tú quieres darlos.
- Si tú quieres: sexo, año de nacimiento, nacionalidad, provincia y ciudad, discapacidad y si eres parte de la comunidad migrante o de acogida. En cada pregunta puedes elegir "Prefiero no decir".
- Tu avance en los cursos: lecciones, cuestionarios, calificaciones y certificados.

Lo que nunca te preguntamos
- Nunca te preguntamos tu situación migratoria, tus papeles ni tu número de documento.

Para qué usamos tus datos
- Para darte acceso a los cursos, guardar tu avance y entregarte tus certificados.
- Para hacer informes a los donantes con números totales y anónimos (por ejemplo: "120 mujeres terminaron el curso"). En esos informes nunca aparece tu nombre ni datos que te identifiquen.

Quién ve tus datos
- Tú ves todos tus datos.
- El equipo de coordinación del programa y tus mentores ven tu nombre y tu avance en los cursos para acompañarte.
- No vendemos ni regalamos tus datos. No los entregamos a autoridades migratorias ni a otras instituciones del Estado, salvo que un juez lo ordene por ley.

Tus derechos
- Puedes ver y cambiar tu perfil cuando quieras, en "Mi perfil".
- Puedes pedir que borremos tu cuenta y tus datos. Habla con la coordinación de tu centro o escribe a la coordinación del programa. Lo haremos en un máximo de 15 días.
- Esto sigue la Ley Orgánica de Protección de Datos Personales del Ecuador (2021).

Si cambiamos este texto, te lo mostraremos otra vez y te pediremos que lo aceptes de nuevo."""


def publish(apps, schema_editor):
    ConsentVersion = apps.get_model("accounts", "ConsentVersion")
    ConsentVersion.objects.get_or_create(version=VERSION, defaults={"body": BODY})


def unpublish(apps, schema_editor):
    ConsentVersion = apps.get_model("accounts", "ConsentVersion")
    ConsentVersion.objects.filter(version=VERSION).delete()


class Migration(migrations.Migration):

    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(publish, unpublish)]
