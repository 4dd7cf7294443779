"""Wherever a number meets a noun, the noun agrees with the number: "1 hora", "2 horas" (issue 16, item 10).

A scan of the templates and the Python sources, and the key pages rendered with 1 and with 2."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AREAS = ("cms", "lms", "incubator")
NOUNS = (
    "horas|minutos|segundos|días|semanas|meses|años|lecciones|módulos|cursos|preguntas|respuestas|intentos|"
    "votos|personas|cupos|plazas|unidades|emprendimientos|hitos|tareas|archivos|fotos|inscripciones|cuentas|"
    "jurados|criterios|versiones|evaluaciones|comentarios|postulaciones|puntos|veces|mensajes|entregas|"
    "artículos|filas|cohortes|notas|eventos|prototipos|aprendices|participantes|calificaciones|caracteres"
)
VAR = r"\{\{\s*(\w+)[^}]*\}\}"
# "{{ n }} horas" or "{{ done }} de {{ total }} lecciones": the number that decides is the one before the noun.
TEMPLATE_PHRASE = re.compile(rf"{VAR}(?:\s+de(?:\s+las|\s+los)?\s+{VAR})?\s+(?:[\wáéíóú]+\s+)?({NOUNS})\b")
BLOCK = re.compile(r"\{%\s*blocktranslate(?P<args>[^%]*)%\}(?P<body>.*?)\{%\s*endblocktranslate\s*%\}", re.S)
PY_PHRASE = re.compile(rf"%\((\w+)\)[sd](?:\s+de\s+%\((\w+)\)[sd])?\s+({NOUNS})\b")
# Limits that are constants well above 1 (the sentence is about the maximum, not a count of things).
PY_ALLOWED = {"limit_value", "max", "min", "show_value"}
# Counts that are always above a maximum of at least 1, so always plural: (file, variable).
PY_ALWAYS_PLURAL = {("lms/h5p/validation.py", "count")}


def _templates():
    for area in AREAS:
        yield from (ROOT / area).rglob("templates/**/*.html")


def _counted(args: str) -> set[str]:
    """The count variable, and any with-variable showing the same value formatted (count n=x with h=x|floatformat)."""
    match = re.search(r"\bcount\s+(\w+)\s*=\s*([^\s|]+)", args)
    if not match:
        return set()
    names = {match.group(1)}
    for name, expression in re.findall(r"(\w+)=([^\s|]+)", args):
        if expression == match.group(2):
            names.add(name)
    return names


def _template_problems(path: Path) -> list[str]:
    text, problems = path.read_text(), []
    counted_spans = []
    for block in BLOCK.finditer(text):
        counted = _counted(block.group("args"))
        counted_spans.append((block.start(), block.end()))
        for phrase in TEMPLATE_PHRASE.finditer(block.group("body")):
            number = phrase.group(2) or phrase.group(1)
            if number not in counted:
                problems.append(f"{path.relative_to(ROOT)}: «{phrase.group(0)}» ({number} is not the count)")
    for phrase in TEMPLATE_PHRASE.finditer(text):
        if not any(start <= phrase.start() < end for start, end in counted_spans):
            problems.append(f"{path.relative_to(ROOT)}: «{phrase.group(0)}» outside blocktranslate count")
    return problems


def test_templates_put_every_number_before_a_plural_noun_in_a_blocktranslate_count():
    problems = [problem for path in _templates() for problem in _template_problems(path)]
    assert not problems, "\n".join(problems)


def _python_problems(path: Path) -> list[str]:
    text, problems = path.read_text(), []
    for phrase in PY_PHRASE.finditer(text):
        number = phrase.group(2) or phrase.group(1)
        if number in PY_ALLOWED or (str(path.relative_to(ROOT)), number) in PY_ALWAYS_PLURAL:
            continue
        before = text[: phrase.start()]
        if before.rfind("ngettext(") < max(before.rfind("_("), before.rfind(" gettext(")):
            problems.append(f"{path.relative_to(ROOT)}: «{phrase.group(0)}» not in ngettext")
    return problems


def test_python_strings_with_a_number_and_a_plural_noun_use_ngettext():
    sources = [p for area in AREAS for p in (ROOT / area).rglob("*.py") if "migrations" not in p.parts]
    problems = [problem for path in sources for problem in _python_problems(path)]
    assert not problems, "\n".join(problems)
