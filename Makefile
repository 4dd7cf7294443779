# Semilla: `make run` serves the demo, `make test` runs every test. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
CONTENT_PORT ?= 8001
SOCKETS_PORT ?= 8002

.PHONY: run test test-fast test-assets bench install setup chromium lint messages stack stack-stop stack-restart

LINT_PATHS := cms lms incubator tests bench
# What mypy checks: every services/selectors module or package of the three areas (writes and reads).
TYPED := $(shell find cms lms incubator \( -name services.py -o -name selectors.py -o -path '*/services/*.py' \
	-o -path '*/selectors/*.py' \) -not -path '*/migrations/*' 2>/dev/null | sort)

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

install: $(VENV)/.installed node_modules/.installed

setup: install
	$(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*' -v 0
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0

run: setup .secret_key
	$(PY) manage.py demo_load
	$(PY) manage.py demo_load_incubator
	$(PY) manage.py indicators_demo
	@# cms/embedded.py starts the servers in the background: gunicorn's uvicorn workers for HTTP (both cores),
	@# one Daphne for the rooms' WebSockets on SOCKETS_PORT, the background job worker (PDFs, imports: cms/jobs);
	@# they share the cache (a directory) and room broadcasts (a loopback relay), no server to install.
	@# demo_ready prints the addresses and the demo accounts once both ports answer. Ctrl+C stops everything (a
	@# background job of this shell ignores SIGINT, so the trap passes a TERM on); if it ends, so does this.
	$(PY) -m cms.embedded --host $(HOST) --port $(PORT) --content-port $(CONTENT_PORT) --sockets-port $(SOCKETS_PORT) & \
	server=$$!; trap 'kill $$server 2>/dev/null; wait $$server; exit 0' INT TERM; \
	$(PY) manage.py demo_ready --url http://$(HOST):$(PORT)/ --content-url http://$(HOST):$(CONTENT_PORT)/ --pid $$server; \
	wait $$server

# The embedded default's SECRET_KEY: random, written once, git-ignored, read by cms/settings.py.
.secret_key:
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

chromium:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test-assets: install
	$(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*' -v 0
	SEMILLA_TESTING=1 $(PY) manage.py collectstatic --noinput -v 0

test: install chromium test-assets
	$(PY) -m pytest -q

# Everything but the Playwright journeys (no Chromium needed).
test-fast: test-assets
	$(PY) -m pytest -q -m "not browser"

messages: install
	$(PY) manage.py makemessages -l es --no-location --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*' --ignore 'media/*' --ignore '.stack/*' -v 0
	$(PY) manage.py makemessages -d djangojs -l es --no-location --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*' --ignore '.stack/*' -v 0
	$(PY) -m cms.catalogue locale/es/LC_MESSAGES/django.po locale/es/LC_MESSAGES/djangojs.po

# .ci/run calls this first. Every check runs, then it fails if any failed.
lint: $(VENV)/.installed
	@status=0; \
	echo "== ruff check"; $(VENV)/bin/ruff check $(LINT_PATHS) || status=1; \
	echo "== ruff format --check"; $(VENV)/bin/ruff format --check --output-format concise $(LINT_PATHS) || status=1; \
	echo "== makemigrations --check"; $(PY) manage.py makemigrations --check --dry-run || status=1; \
	echo "== mypy (services, selectors)"; $(VENV)/bin/mypy $(TYPED) || status=1; \
	exit $$status

# Budgets from issues 2, 4 and 17; each prints a Markdown table and exits non-zero when one fails. Loopback only.
# learners.py and login_burst.py start the embedded default themselves (cms/embedded.py as `make run`, free ports);
# BENCH_LEARNERS="--users 500 --duration 60" gives the reduced load run (default: 2,000 learners, 180 s).
BENCH_LEARNERS ?=
bench: setup .secret_key
	@if $(PY) manage.py help demo_load >/dev/null 2>&1; then $(PY) manage.py demo_load; fi
	$(PY) bench/run.py; status=$$?; $(PY) bench/mentoring.py || status=1; $(PY) bench/matching.py || status=1; \
	$(PY) bench/indicators.py || status=1; $(PY) bench/offline.py || status=1; \
	$(PY) bench/learners.py --serve $(BENCH_LEARNERS) || status=1; \
	$(PY) bench/login_burst.py --serve || status=1; exit $$status

# The production shape on this machine, without Docker (docker/stack.sh): nginx on http://127.0.0.1:8080/,
# gunicorn's uvicorn workers, two Daphne processes, PostgreSQL and Redis, all under .stack/ (git-ignored).
stack: install
	docker/stack.sh start

stack-stop:
	docker/stack.sh stop

# Rolling restart of the running stack: HTTP workers one by one, then each Daphne.
stack-restart:
	docker/stack.sh restart
