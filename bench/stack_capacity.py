"""Server CPU per learner page on the running stack (`make stack` first), for docs/deploy.md's capacity plan.

--clients signed-in learners request the lesson page through nginx back to back for --duration seconds (a
saturating load, not a paced one). CPU time of every process of the stack (from /proc: user + system) is read
before and after; dividing by the pages served gives milliseconds of CPU per page, per kind of process.
With a learner reading one page every 60 s on average (think time 30-90 s), one core carries
60,000 / (CPU ms per page) learners at 100 %; the plan counts half of that.

Usage: .venv/bin/python bench/stack_capacity.py [--clients 20] [--duration 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from stackkit import ROOT, django_setup, session_cookie

BASE = "http://127.0.0.1:8080"
RUN = ROOT / ".stack" / "run"
THINK_SECONDS = 60.0  # the mean of 30-90 s between a learner's clicks (issue 17)
TICKS = os.sysconf("SC_CLK_TCK")


def stack_processes() -> dict[str, list[int]]:
    """pid lists by kind: the pidfiles' processes and their children, and PostgreSQL's backends."""

    def tree(pid: int) -> list[int]:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        return [pid, *(int(c) for c in children)]

    kinds = {}
    for name in ("http", "daphne-1", "daphne-2", "nginx", "redis"):
        pidfile = RUN / f"{name}.pid"
        if pidfile.exists():
            kinds[name] = tree(int(pidfile.read_text().split()[0]))
    postmaster = ROOT / ".stack" / "pg" / "data" / "postmaster.pid"
    if postmaster.exists():
        kinds["postgresql"] = tree(int(postmaster.read_text().split()[0]))
    return kinds


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


async def hammer(cookies: list[str], path: str, duration: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + duration

    async def one(cookie: str) -> None:
        nonlocal errors
        async with httpx.AsyncClient(timeout=60, headers={"Cookie": cookie}) as client:
            while time.monotonic() < stop:
                start = time.perf_counter()
                response = await client.get(f"{BASE}{path}")
                if response.status_code == 200:
                    latencies.append(time.perf_counter() - start)
                else:
                    errors += 1

    await asyncio.gather(*(one(c) for c in cookies))
    return latencies, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0)
    args = parser.parse_args()
    django_setup()
    from cms.accounts.models import User
    from lms.courses.models import LessonPage

    path = LessonPage.objects.live().order_by("path").first().url
    cookies = [session_cookie(User.objects.get(username="aprendiz")) for _ in range(args.clients)]
    asyncio.run(hammer(cookies[:2], path, 3))  # warm every worker's caches
    kinds = stack_processes()
    before = {kind: cpu_seconds(pids) for kind, pids in kinds.items()}
    load_before = os.getloadavg()[0]
    latencies, errors = asyncio.run(hammer(cookies, path, args.duration))
    after = {kind: cpu_seconds(pids) for kind, pids in kinds.items()}
    pages = len(latencies)
    print(
        f"Lesson page {path}: {pages} pages in {args.duration:.0f} s ({pages / args.duration:.0f}/s), "
        f"{errors} errors, p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {statistics.quantiles(latencies, n=20)[18] * 1000:.0f} ms, {args.clients} clients, "
        f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)\n"
    )
    print("| process | CPU ms per page | RSS MB |")
    print("|---|---:|---:|")
    total = 0.0
    for kind, pids in kinds.items():
        ms = (after[kind] - before[kind]) * 1000 / max(pages, 1)
        total += ms
        print(f"| {kind} ({len(pids)}) | {ms:.1f} | {rss_mb(pids):.0f} |")
    print(f"| **all** | **{total:.1f}** | {sum(rss_mb(p) for p in kinds.values()):.0f} |")
    per_core = 1000 * THINK_SECONDS / total
    print(
        f"\nOne core at 100 % carries {per_core:.0f} learners reading a page every {THINK_SECONDS:.0f} s; "
        f"at 50 % (the plan's margin) {per_core / 2:.0f}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
