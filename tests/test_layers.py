"""The house has one direction: cms <- lms <- incubator (docs: CONVENTIONS.md, "The house").

This test reads the code, it does not run it: every .py file of cms/, lms/ and incubator/ is parsed with `ast`
(imports inside functions count, and so do migrations), every `{% url 'namespace:name' %}` of a template and
every `reverse("namespace:name")`-like call is mapped to the app whose view answers that name. It fails on

- an import (or URL name) that points up the house: lms -> incubator, cms -> lms or incubator, outside the
  wiring files that put the areas together (settings, root URLs, ASGI, WebSocket routes);
- a cycle between apps (an app is a Django app package such as lms.courses; the other modules of an area,
  e.g. cms/realtime/ or cms/cache.py, form the area's core "cms", "lms" or "incubator").

`test_the_checker_catches_*` feed the same checker a made-up graph, so it cannot pass by finding nothing.
"""

import ast
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AREAS = ("cms", "lms", "incubator")
RANK = {area: rank for rank, area in enumerate(AREAS)}

# Files that put the areas together: they may import any area, and take no part in the cycle check.
WIRING = {
    "cms/settings.py",
    "cms/urls.py",
    "cms/asgi.py",
    "cms/routing.py",
    "lms/urls.py",
    "lms/routing.py",
    "incubator/urls.py",
    "incubator/routing.py",
}

URL_CALLS = {"reverse", "reverse_lazy", "redirect", "resolve_url", "NoReverseMatch"}
TEMPLATE_URL = re.compile(r"""\{%\s*url\s+(['"])([\w:-]+)\1""")


@dataclass(frozen=True)
class Use:
    """One place where `source` (a file) depends on `target` (a module or a URL name)."""

    source: str  # path relative to the project, e.g. "lms/courses/views.py"
    line: int
    what: str  # as written: "from incubator.ventures.models import Venture" or "{% url 'jury:index' %}"
    source_app: str
    target_app: str
    link: bool = False  # a URL name, not an import
    module: str = ""  # the module imported, e.g. "incubator.ventures.models"

    def __str__(self):
        return f"{self.source}:{self.line}: {self.what}  ({self.source_app} -> {self.target_app})"


def app_of_path(relative):
    """The app a file (or a dotted module turned into a path) belongs to: area/sub when area/sub/apps.py
    exists, else the area itself (its core)."""
    parts = Path(relative).parts
    if not parts or parts[0] not in AREAS:
        return None
    if len(parts) >= 2 and (ROOT / parts[0] / parts[1] / "apps.py").exists():
        return f"{parts[0]}.{parts[1]}"
    return parts[0]


def app_of_module(dotted):
    return app_of_path(Path(*dotted.split(".")))


def area_of(app):
    return app.split(".")[0]


def _module_name(relative):
    parts = list(Path(relative).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(relative, tree):
    """(line, text, dotted module) for every import in the file, relative imports resolved."""
    module = _module_name(relative)
    package = module if relative.endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, f"import {alias.name}", alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            names = ", ".join(alias.name for alias in node.names)
            written = f"from {'.' * node.level}{node.module or ''} import {names}"
            # `from lms import courses` imports the package lms.courses, not lms; `from x.models import Y`
            # maps to x's app all the same.
            for alias in node.names:
                yield node.lineno, written, target if alias.name == "*" else f"{target}.{alias.name}"


def url_names_in_python(tree):
    """(line, text, url name) for reverse("ns:name")-like calls with a literal name."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        first = node.args[0]
        if called in URL_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            if ":" in first.value:
                yield node.lineno, f'{called}("{first.value}")', first.value


def url_names_in_template(text):
    for match in TEMPLATE_URL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield line, match.group(0) + " ... %}", match.group(2)


def url_owners():
    """Every namespaced URL name the project answers, mapped to the app whose view answers it: walked from
    the root URLconf through its includes (Wagtail admin viewsets included)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    owners = defaultdict(set)

    def walk(patterns, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, namespaces + ([pattern.namespace] if pattern.namespace else []))
            elif isinstance(pattern, URLPattern) and pattern.name and namespaces:
                app = app_of_module(pattern.lookup_str)
                if app:
                    owners[":".join([*namespaces, pattern.name])].add(app)

    walk(get_resolver().url_patterns, [])
    return owners


def project_uses(owners):
    """Every dependency of a file of the three areas on another app of them."""
    uses = []
    for area in AREAS:
        for path in sorted((ROOT / area).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            source_app = app_of_path(relative)
            if path.suffix == ".py":
                tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
                for line, written, target in imported_modules(relative, tree):
                    target_app = app_of_module(target)
                    if target_app:
                        uses.append(Use(relative, line, written, source_app, target_app, module=target))
                for line, written, name in url_names_in_python(tree):
                    for target_app in owners.get(name, ()):
                        uses.append(Use(relative, line, written, source_app, target_app, link=True))
            elif path.suffix in {".html", ".txt", ".xml"} and "templates" in path.parts:
                for line, written, name in url_names_in_template(path.read_text(encoding="utf-8")):
                    for target_app in owners.get(name, ()):
                        uses.append(Use(relative, line, written, source_app, target_app, link=True))
    return sorted(set(uses), key=lambda use: (use.source, use.line, use.what, use.target_app))


def upward(uses, wiring=frozenset(WIRING)):
    """Uses that point up the house (cms <- lms <- incubator), outside the wiring files."""
    return [
        use
        for use in uses
        if use.source not in wiring and RANK[area_of(use.target_app)] > RANK[area_of(use.source_app)]
    ]


def strongly_connected(graph):
    """Tarjan's algorithm (iterative): the strongly connected components of {node: {successors}}."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, ())))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
    return components


def _cycle_through(component, graph):
    """One closed path through the first app of a component, for the message: a -> b -> a."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for successor in sorted(graph.get(node, ())):
            if successor == start:
                return [*paths[node], start]
            if successor in members and successor not in paths:
                paths[successor] = [*paths[node], successor]
                queue.append(successor)
    return [start, start]


def cycles(uses, wiring=frozenset(WIRING)):
    """Messages for each cycle between apps, with the lines that make each step of it."""
    graph, evidence = defaultdict(set), defaultdict(list)
    for use in uses:
        if use.link or use.source in wiring or use.source_app == use.target_app:
            continue
        graph[use.source_app].add(use.target_app)
        evidence[use.source_app, use.target_app].append(use)
    messages = []
    for component in strongly_connected(graph):
        if len(component) < 2:
            continue
        cycle = _cycle_through(component, graph)
        lines = [
            f"cycle between apps {{{', '.join(component)}}}: {' -> '.join(cycle)}",
            "  the imports between them (break one step of each circle):",
        ]
        for source_app in component:
            for target_app in sorted(graph[source_app] & set(component)):
                lines.append(f"  {source_app} -> {target_app}:")
                lines.extend(dict.fromkeys(f"    {use}" for use in evidence[source_app, target_app]))
        messages.append("\n".join(lines))
    return messages


LMS_MODELS = re.compile(r"^lms\.\w+\.models(\.|$)")


def learning_models_read_by_incubator(uses):
    """incubator reads learning data through lms selectors/services, never lms models (a ForeignKey names
    its model with a string, "courses.CoursePage")."""
    return [
        use for use in uses if area_of(use.source_app) == "incubator" and not use.link and LMS_MODELS.match(use.module)
    ]


def report(uses):
    problems = [f"import against cms <- lms <- incubator: {use}" for use in upward(uses)]
    problems += [
        f"incubator reads lms models instead of lms selectors/services: {use}"
        for use in learning_models_read_by_incubator(uses)
    ]
    problems += cycles(uses)
    return list(dict.fromkeys(problems))


def test_the_areas_depend_one_way_and_apps_form_a_tree():
    uses = project_uses(url_owners())
    assert len(uses) > 100, "the walk found almost no imports: is it reading the right folders?"
    problems = report(uses)
    assert not problems, "\n\n" + "\n\n".join(problems)


def _use(source, what, source_app, target_app, line=1):
    module = re.match(r"(?:from|import) ([\w.]+)", what)
    return Use(
        source, line, what, source_app, target_app, link=what.startswith("{%"), module=module.group(1) if module else ""
    )


def test_the_checker_catches_an_upward_import_and_a_cycle():
    planted = [
        _use(
            "lms/courses/views.py",
            "from incubator.ventures.models import Venture",
            "lms.courses",
            "incubator.ventures",
            line=7,
        ),
        _use("lms/quizzes/blocks.py", "from lms.courses.models import Lesson", "lms.quizzes", "lms.courses"),
        _use("lms/courses/blocks.py", "from lms.grades.services import grade", "lms.courses", "lms.grades"),
        _use("lms/grades/services.py", "from lms.quizzes.models import Quiz", "lms.grades", "lms.quizzes"),
        _use("cms/home/views.py", "{% url 'jury:index' %}", "cms.home", "incubator.jury"),
        # Allowed: down the house, inside an app, and wiring.
        _use("incubator/jury/views.py", "from lms.courses.selectors import x", "incubator.jury", "lms.courses"),
        _use("cms/urls.py", "from incubator.jury import views", "cms", "incubator.jury"),
        _use("lms/h5p/views.py", "from lms.h5p.models import Activity", "lms.h5p", "lms.h5p"),
        _use("incubator/kpis/views.py", "{% url 'courses:mine' %}", "incubator.kpis", "lms.courses"),
        # A link both ways is no cycle of imports.
        _use("incubator/kpis/views.py", "{% url 'jury:index' %}", "incubator.kpis", "incubator.jury"),
        _use("incubator/jury/views.py", "{% url 'kpis:index' %}", "incubator.jury", "incubator.kpis"),
        # Learning data through lms models instead of lms selectors.
        _use(
            "incubator/cohorts/selectors.py",
            "from lms.quizzes.models import Quiz",
            "incubator.cohorts",
            "lms.quizzes",
            line=12,
        ),
    ]
    problems = report(planted)
    text = "\n".join(problems)
    assert "lms/courses/views.py:7: from incubator.ventures.models import Venture" in text
    assert "cms/home/views.py:1: {% url 'jury:index' %}" in text
    assert "cms/urls.py" not in text and "incubator/jury/views.py" not in text
    assert "cycle between apps {lms.courses, lms.grades, lms.quizzes}" in text
    assert "lms.courses -> lms.grades -> lms.quizzes -> lms.courses" in text
    assert "lms/grades/services.py:1: from lms.quizzes.models import Quiz" in text
    assert "incubator/cohorts/selectors.py:12: from lms.quizzes.models import Quiz" in text
    assert "incubator.kpis" not in text
    assert len(problems) == 4


def test_the_checker_reads_imports_inside_functions_and_relative_ones():
    source = "def f():\n    from ..quizzes.models import Quiz\n    import incubator.jury.selectors\n"
    found = list(imported_modules("lms/courses/blocks.py", ast.parse(source)))
    targets = {app_of_module(target) for _line, _written, target in found}
    assert {"lms.quizzes", "incubator.jury"} <= targets
    assert {line for line, _written, _target in found} == {2, 3}


def test_the_checker_maps_template_url_names_to_lines():
    text = '<p>\n{% url \'jury:index\' %}</p>\n<a href="{% url "ventures:detail" v.pk %}">'
    assert [(line, name) for line, _w, name in url_names_in_template(text)] == [
        (2, "jury:index"),
        (3, "ventures:detail"),
    ]
