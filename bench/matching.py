"""`make bench` (part 3): duplicates in Spanish and Venezuelan names, precision, recall and speed.

1. Runs `manage.py participants_match bench/data/matching_people.csv` (72 hand-written people: 27 true pairs
   and hard non-duplicates: siblings, twins, a mother and daughter with the same name, common names) and
   compares its pairs with bench/data/matching_truth.csv. Budgets (issue 11): precision >= 0.95, recall >= 0.95.
2. Times `candidate_pairs` on 5,000 synthetic records (a fixed seed; one in ten is a sibling of another:
   same surnames, phone and city; one in ten is a noisy copy of another: surnames swapped or one missing,
   day and month swapped, another phone format, no document, Yépez/Llépez-like spellings). Budget: < 10 s.
   Precision and recall on those records are printed without a budget.
Prints a Markdown table with the load average; exits 1 when a budget fails.
"""

from __future__ import annotations

import csv
import io
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
GOAL = 0.95
SYNTHETIC = 5000
BUDGET_SECONDS = 10.0

GIVEN = (
    "María José", "María Fernanda", "Ana", "Luis", "Carlos", "José Luis", "Juan Carlos", "Daniela", "Gabriela",
    "Andrea", "Valeria", "Sofía", "Jhonny", "Yenifer", "Yeferson", "Wilmer", "Maikel", "Yorman", "Deivis",
    "Rosa", "Carmen", "Patricia", "Pedro", "Miguel Ángel", "Jorge", "Luisa", "Brígida", "Ximena", "Estefany",
    "Isabel", "Kelly", "Oscar", "Fernando", "Alejandro", "Diego", "Paola", "Lucía", "Andrés", "Ricardo",
    "Yusmely", "Yonatan", "Yesica", "Johana", "Brayan", "Estiven", "Eduard", "Martha", "Gloria", "Teresa",
)  # fmt: skip
SURNAMES = (
    "García", "López", "Rodríguez", "Pérez", "González", "Hernández", "Martínez", "Sánchez", "Ramírez", "Torres",
    "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Cruz", "Morales", "Ortiz", "Gutiérrez", "Chávez", "Ramos",
    "Vargas", "Castillo", "Jiménez", "Moreno", "Romero", "Herrera", "Medina", "Aguilar", "Vera", "Yépez",
    "Hidalgo", "Valverde", "Cevallos", "Zambrano", "Mendoza", "Suárez", "Quintero", "Briceño", "Colmenares",
    "Urdaneta", "Mujica", "Rangel", "Andrade", "Loor", "Cedeño", "Moreira", "Vélez", "Paredes", "Salazar",
    "Guerrero", "Muñoz", "Peña", "Escalona", "Linares", "Pacheco", "Márquez", "Rojas", "Blanco", "Contreras",
)  # fmt: skip
TYPOS = {"Yépez": "Llépez", "Hidalgo": "Idalgo", "Valverde": "Balverde", "Cevallos": "Zevallos", "Jhonny": "Yoni"}


def load_average() -> str:
    """The 1-minute load average, or '?' where the system has none."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def read_pairs(text: str, first: str, second: str) -> set[frozenset[str]]:
    """Unordered id pairs from CSV text with the two given columns."""
    return {frozenset((row[first], row[second])) for row in csv.DictReader(io.StringIO(text))}


def labelled_figures() -> tuple[float, float, int, int]:
    """Precision, recall, pairs proposed and true pairs of the command on the labelled set."""
    command = [sys.executable, "manage.py", "participants_match", str(DATA / "matching_people.csv")]
    output = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    found = read_pairs(output, "id_a", "id_b")
    truth = read_pairs((DATA / "matching_truth.csv").read_text(encoding="utf-8"), "id_a", "id_b")
    hits = len(found & truth)
    precision = hits / len(found) if found else 0.0
    return precision, hits / len(truth), len(found), len(truth)


def ec_cedula(rng: random.Random) -> str:
    """A random Ecuadorian cédula with a valid province and check digit."""
    body = f"{rng.randint(1, 24):02d}{rng.randint(0, 5)}{rng.randint(0, 999999):06d}"
    total = sum((lambda v: v - 9 if v > 9 else v)(int(c) * (2 - i % 2)) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def synthetic_person(rng: random.Random, number: int) -> dict[str, object]:
    """One random person as PersonRecord keyword arguments."""
    venezuelan = rng.random() < 0.5
    first, second = rng.sample(SURNAMES, 2)
    return {
        "id": f"s{number}",
        "given_names": rng.choice(GIVEN),
        "surnames": f"{first} {second}",
        "birth_date": date(1960, 1, 1) + timedelta(days=rng.randint(0, 46 * 365)),
        "document_type": "cedula_venezolana" if venezuelan else "cedula",
        "document": f"V-{rng.randint(5_000_000, 30_000_000)}" if venezuelan else ec_cedula(rng),
        "phone": f"0{rng.randint(900_000_000, 999_999_999)}",
        "nationality": "venezolana" if venezuelan else "ecuatoriana",
        "city": rng.choice(("Quito", "Guayaquil", "Cuenca", "Manta")),
    }


def sibling(rng: random.Random, person: dict[str, object], number: int) -> dict[str, object]:
    """A brother or sister of person: same surnames, phone and city, another first name and birth date."""
    born = person["birth_date"]
    assert isinstance(born, date)
    given = rng.choice([g for g in GIVEN if g != person["given_names"]])
    fresh = synthetic_person(rng, number)
    return dict(person, id=f"s{number}", given_names=given, document=fresh["document"],
                birth_date=born + timedelta(days=rng.choice((-1, 1)) * rng.randint(400, 4000)))  # fmt: skip


def noisy_copy(rng: random.Random, person: dict[str, object], number: int) -> dict[str, object]:
    """The same person typed again with one or two of the usual slips."""
    copy = dict(person, id=f"s{number}")
    words = str(copy["surnames"]).split()
    slip = rng.randrange(5)
    if slip == 0:
        copy["surnames"] = " ".join(reversed(words))
    elif slip == 1:
        copy["surnames"] = words[0]
    elif slip == 2:
        born = copy["birth_date"]
        assert isinstance(born, date)
        copy["birth_date"] = born.replace(month=born.day, day=born.month) if born.day <= 12 else born
    elif slip == 3:
        copy["phone"] = "+593 " + str(copy["phone"])[1:]
    else:
        copy["document"] = ""
    copy["surnames"] = " ".join(TYPOS.get(w, w) for w in str(copy["surnames"]).split())
    copy["given_names"] = TYPOS.get(str(copy["given_names"]), copy["given_names"])
    return copy


def _true_synthetic_pairs(copies: list[dict[str, object]], origins: list[dict[str, object]]) -> set[frozenset[str]]:
    """Every pair within a person and her copies (two copies of one person are a true pair too)."""
    groups: dict[str, set[str]] = {}
    for copy, origin in zip(copies, origins, strict=True):
        groups.setdefault(str(origin["id"]), {str(origin["id"])}).add(str(copy["id"]))
    return {frozenset(pair) for group in groups.values() for pair in combinations(sorted(group), 2)}


def synthetic_figures() -> tuple[float, int, float, float]:
    """Seconds for candidate_pairs on the synthetic records, pairs proposed, their precision and recall."""
    from cms.people.matching import PersonRecord, candidate_pairs

    rng = random.Random(11)
    people = [synthetic_person(rng, n) for n in range(SYNTHETIC * 8 // 10)]
    people += [sibling(rng, rng.choice(people), len(people) + n) for n in range(SYNTHETIC // 10)]
    origins = [rng.choice(people) for _ in range(SYNTHETIC - len(people))]
    copies = [noisy_copy(rng, origin, len(people) + n) for n, origin in enumerate(origins)]
    truth = _true_synthetic_pairs(copies, origins)
    records = [PersonRecord(**p) for p in people + copies]  # type: ignore[arg-type]
    started = time.perf_counter()
    found = candidate_pairs(records)
    seconds = time.perf_counter() - started
    hits = len({frozenset((m.a_id, m.b_id)) for m in found} & truth)
    return seconds, len(found), hits / max(len(found), 1), hits / len(truth)


def main() -> int:
    """Run both parts, print the table, return the exit status."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()
    precision, recall, proposed, true_pairs = labelled_figures()
    seconds, synthetic_pairs, synthetic_precision, synthetic_recall = synthetic_figures()
    rows = [
        (f"precisión, set etiquetado ({proposed} pares) >= {GOAL}", f"{precision:.3f}", precision >= GOAL),
        (f"exhaustividad, set etiquetado ({true_pairs} pares) >= {GOAL}", f"{recall:.3f}", recall >= GOAL),
        (f"{SYNTHETIC} registros < {BUDGET_SECONDS:.0f} s", f"{seconds:.2f} s", seconds < BUDGET_SECONDS),
    ]
    print(f"Duplicados · carga media (1 min): {load_average()}\n")
    print("| presupuesto | medido | resultado |\n|---|---:|---|")
    for label, measured, passed in rows:
        print(f"| {label} | {measured} | {'PASS' if passed else 'FAIL'} |")
    print(f"| (sin presupuesto) pares sintéticos propuestos | {synthetic_pairs} | — |")
    print(f"| (sin presupuesto) precisión en los sintéticos | {synthetic_precision:.3f} | — |")
    print(f"| (sin presupuesto) exhaustividad en los sintéticos | {synthetic_recall:.3f} | — |")
    return 0 if all(passed for *_, passed in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
