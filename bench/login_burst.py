"""The morning log-in burst: learners signing in through the real form within a few minutes (issue 17).

    .venv/bin/python bench/login_burst.py --serve              # starts the embedded default itself (make bench)
    .venv/bin/python bench/login_burst.py --url http://127.0.0.1:8080 [--users 300] [--within 120]

--users learners (entrada00001...; made directly in the database, enrolled, consent accepted, one password
hash shared by all, made with the first of PASSWORD_HASHERS) arrive at random moments (seeded, uniform) within
--within seconds. Each opens the sign-in page (GET: the CSRF cookie and token), sends the form (POST) and follows
the redirect to the start page with its new session, as a browser does. "Entrar" is what the person waits
after pressing the button: the POST and the start page. Budgets: its p95 < --p95-ms (2 s), 0 errors (any
answer but 200 for the pages, a redirect to anything but the start page for the POST, a timeout).

--old-hashes gives the learners a PBKDF2 hash as Django made them before (a million rounds): the first
morning after the Argon2 change, when each sign-in checks the old hash and writes the new one.

Run it with the server's environment (same database). Prints a Markdown table with the load average and the
server processes' RSS; exit status 1 when a budget fails.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadlib  # noqa: E402

LOGIN_PATH = "/cuenta/entrar/"
PASSWORD = "entrada-de-la-manana-17"
PREFIX = "entrada"
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="(?P<token>[^"]+)"')


@dataclass
class Attempt:
    started: float
    form_seconds: float | None = None
    enter_seconds: float | None = None
    error: str = ""


def set_cookies(response) -> dict[str, str]:
    """Name -> value of every Set-Cookie of a response (the attributes are not needed here)."""
    cookies = {}
    for header in response.headers.get_list("set-cookie"):
        name, _, value = header.split(";", 1)[0].partition("=")
        cookies[name.strip()] = value.strip()
    return cookies


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


async def sign_in(client, username: str, start_path: str, attempt: Attempt) -> None:
    import httpx

    try:
        began = time.monotonic()
        form = await client.get(LOGIN_PATH)
        attempt.form_seconds = time.monotonic() - began
        match = TOKEN_RE.search(form.text)
        if form.status_code != 200 or not match:
            attempt.error = f"formulario: {form.status_code}"
            return
        cookies = set_cookies(form)
        began = time.monotonic()
        sent = await client.post(
            LOGIN_PATH,
            data={"username": username, "password": PASSWORD, "csrfmiddlewaretoken": match["token"]},
            headers={"Cookie": cookie_header(cookies), "Origin": str(client.base_url).rstrip("/")},
        )
        location = sent.headers.get("location", "")
        if sent.status_code != 302 or location != start_path:
            attempt.error = f"entrar: {sent.status_code} {location}"
            return
        cookies.update(set_cookies(sent))
        start = await client.get(location, headers={"Cookie": cookie_header(cookies)})
        attempt.enter_seconds = time.monotonic() - began
        if start.status_code != 200:
            attempt.error = f"inicio: {start.status_code}"
    except httpx.HTTPError as exc:
        attempt.error = type(exc).__name__


async def burst(args, url: str, usernames: list[str], start_path: str, watch: loadlib.RssWatch) -> tuple[list, dict]:
    import httpx

    rng = random.Random(args.seed)
    offsets = sorted(rng.uniform(0, args.within) for _ in usernames)
    jar = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))  # keeps none
    limits = httpx.Limits(max_connections=len(usernames), max_keepalive_connections=len(usernames))
    attempts: list[Attempt] = []
    notes = {"load_start": loadlib.load_average()}
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=args.timeout, cookies=jar) as client:
        begin = time.monotonic()
        cpu = time.process_time()

        async def one(username: str, offset: float) -> None:
            await asyncio.sleep(max(0.0, begin + offset - time.monotonic()))
            attempt = Attempt(started=time.monotonic())
            attempts.append(attempt)
            try:
                async with asyncio.timeout(args.timeout):  # the whole sign-in; httpx's timeout is per step
                    await sign_in(client, username, start_path, attempt)
            except TimeoutError:
                attempt.enter_seconds = None
                attempt.error = f"más de {args.timeout:g} s"

        tasks = [asyncio.create_task(one(name, offset)) for name, offset in zip(usernames, offsets, strict=True)]
        while not all(task.done() for task in tasks):
            watch.sample()
            await asyncio.sleep(1)
        await asyncio.gather(*tasks)
        watch.sample()
        notes["client_cpu"] = (time.process_time() - cpu) / (time.monotonic() - begin)
    notes["load_end"] = loadlib.load_average()
    notes["seconds"] = time.monotonic() - begin
    return attempts, notes


def report(args, url: str, attempts: list[Attempt], notes: dict, watch: loadlib.RssWatch, hasher: str) -> tuple:
    forms = [a.form_seconds for a in attempts if a.form_seconds is not None]
    entered = [a.enter_seconds for a in attempts if a.enter_seconds is not None and not a.error]
    failed = [a for a in attempts if a.error]
    budgets = loadlib.latency_budgets(entered, len(failed), p95_ms=args.p95_ms, p99_ms=float("inf"), what="entradas")
    budgets = [b for b in budgets if not b.label.startswith("p99")]
    rows = [
        ("formulario (GET)", len(forms), *(loadlib.ms(loadlib.percentile(forms, q)) for q in (50, 95, 99))),
        (
            "entrar (POST + página de inicio)",
            len(entered),
            *(loadlib.ms(loadlib.percentile(entered, q)) for q in (50, 95, 99)),
        ),
    ]
    lines = [
        f"Medido el {loadlib.today()} (UTC) · {url} · {args.users} aprendices entran por el formulario en "
        f"{args.within:g} s (llegadas al azar, semilla {args.seed}) · hash: {hasher}",
        "",
        loadlib.markdown_table(["paso", "medidos", "p50", "p95", "p99"], rows, right=range(1, 5)),
        "",
        loadlib.markdown_table(
            ["", "valor"],
            [
                ("duración total", f"{notes['seconds']:.0f} s"),
                (
                    "CPU del servidor por aprendiz que entra (formulario, entrar, inicio)",
                    f"{watch.cpu_used() / max(1, len(attempts)) * 1000:.0f} ms",
                ),
                ("errores", str(len(failed)) + (f" (primero: {failed[0].error})" if failed else "")),
                ("carga media de la máquina (1/5/15 min) al empezar", notes["load_start"]),
                ("… al final", notes["load_end"]),
                ("CPU del cliente (fracción de un núcleo)", f"{notes['client_cpu']:.2f}"),
            ],
            right=(1,),
        ),
        "",
        watch.table() if watch.pids else "RSS: no server process found (pass --pids).",
        "",
        loadlib.budget_table(budgets),
    ]
    return "\n".join(lines), all(b.ok for b in budgets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--serve", action="store_true", help="start the embedded default (as make run) and use it")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--within", type=float, default=120, help="seconds over which the learners arrive")
    parser.add_argument("--p95-ms", type=float, default=2000)
    parser.add_argument("--timeout", type=float, default=60, help="seconds a whole sign-in may take (an error)")
    parser.add_argument("--old-hashes", action="store_true", help="PBKDF2 hashes, upgraded at this sign-in")
    parser.add_argument("--pids", help="server processes to report the RSS of, comma-separated, or: stack")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)

    loadlib.django_setup()
    from django.contrib.auth.hashers import get_hasher
    from django.urls import reverse

    route = loadlib.course_route()
    hasher = get_hasher("pbkdf2_sha256" if args.old_hashes else "default")
    made = loadlib.learners_ensure(
        args.users, prefix=PREFIX, course_id=route.course_id, password=PASSWORD, with_sessions=False, hasher=hasher
    )
    hash_label = hasher.algorithm + (" (antiguo: se reescribe al entrar)" if args.old_hashes else "")
    if hasher.algorithm == "argon2":
        hash_label += f" t={hasher.time_cost}, m={hasher.memory_cost // 1024} MiB, p={hasher.parallelism}"
    elif hasattr(hasher, "iterations"):
        hash_label += f" {hasher.iterations} iteraciones"
    start_path = reverse("home:dashboard")
    with loadlib.serving(args, "semilla-burst-") as (url, watch):
        attempts, notes = asyncio.run(burst(args, url, [m.username for m in made], start_path, watch))
    text, ok = report(args, url, attempts, notes, watch, hash_label)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
