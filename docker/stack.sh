#!/usr/bin/env bash
# The production shape on one machine, without Docker (`make stack`, `make stack-stop`):
#
#   nginx :8080 (site) and :8081 (H5P content origin, host "localhost": another site than 127.0.0.1)
#     /static/ from STATIC_ROOT, /ws/ to two Daphne processes, the rest to gunicorn's uvicorn workers
#   PostgreSQL (a cluster of its own under .stack/pg, psycopg pool in each process), Redis (own port)
#
# Usage: docker/stack.sh start | stop | restart (rolling: HTTP workers one by one, then each Daphne) | status
# Everything it writes lives in .stack/ (git-ignored); .stack/env holds the variables the processes use:
#   set -a; . .stack/env; set +a; .venv/bin/python manage.py ...
# Runs as a normal user, or as root (CI): PostgreSQL then runs as the "postgres" user, nginx's workers as
# "www-data". Ports can be moved with the STACK_* variables below.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STACK="$ROOT/.stack"
RUN="$STACK/run"
LOGS="$STACK/logs"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

PORT=${STACK_PORT:-8080}
CONTENT_PORT=${STACK_CONTENT_PORT:-8081}
HTTP_PORT=${STACK_HTTP_PORT:-8090}
DAPHNE_PORTS=(${STACK_DAPHNE_PORTS:-8091 8092})
PG_PORT=${STACK_PG_PORT:-5445}
REDIS_PORT=${STACK_REDIS_PORT:-6395}
HTTP_WORKERS=${STACK_HTTP_WORKERS:-3}
PG_BIN=${STACK_PG_BIN:-/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)/bin}

say() { echo "stack: $*"; }
die() { echo "stack: $*" >&2; exit 1; }

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...: until the command succeeds
    local seconds=$1 what=$2
    shift 2
    for _ in $(seq 1 $((seconds * 4))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.25
    done
    die "$what did not come up; see $LOGS/"
}

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_pid() {  # stop_pid PIDFILE [SIGNAL]: signal it and wait until it has exited
    local file=$1 signal=${2:-TERM} pid
    alive "$file" || { rm -f "$file"; return 0; }
    pid=$(cat "$file")
    kill "-$signal" "$pid" 2>/dev/null || true
    for _ in $(seq 1 240); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$file"
}

# --- PostgreSQL -------------------------------------------------------------------------------------------

# As root, PostgreSQL runs as "postgres", who may not reach a checkout under a private home (/root): then
# the cluster lives beside the system's, under /var/lib/postgresql, and .stack/pg points there.
pg_place() {
    [ -e "$STACK/pg" ] && return 0
    mkdir -p "$STACK/pg"
    [ "$(id -u)" = 0 ] || return 0
    chown postgres:postgres "$STACK/pg"
    runuser -u postgres -- test -w "$STACK/pg" && return 0
    local elsewhere
    elsewhere="/var/lib/postgresql/semilla-stack-$(echo "$ROOT" | md5sum | cut -c1-8)"
    rmdir "$STACK/pg"
    mkdir -p "$elsewhere"
    chown postgres:postgres "$elsewhere"
    ln -s "$elsewhere" "$STACK/pg"
}

pg_start() {
    local data="$STACK/pg/data" sockets="$STACK/pg/run"
    pg_place
    if [ ! -f "$data/PG_VERSION" ]; then
        say "creating the PostgreSQL cluster in .stack/pg"
        mkdir -p "$sockets"
        [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$STACK/pg/"
        as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1 || die "initdb failed: $LOGS/initdb.log"
    fi
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$sockets"
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$STACK/pg/postgres.log" -w -t 60 start \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$sockets -c max_connections=200" \
        >/dev/null || die "PostgreSQL did not start: $STACK/pg/postgres.log"
    local psql=("$PG_BIN/psql" -h "$sockets" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
    as_postgres "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname='semilla'" | grep -q 1 \
        || as_postgres "${psql[@]}" -d postgres -c "CREATE ROLE semilla LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
    as_postgres "${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname='semilla'" | grep -q 1 \
        || as_postgres "${psql[@]}" -d postgres -c "CREATE DATABASE semilla OWNER semilla"
}

pg_stop() {
    local data="$STACK/pg/data"
    [ -f "$data/postmaster.pid" ] || return 0
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}

# --- The environment ----------------------------------------------------------------------------------------

write_env() {
    # Secrets are made once and kept, so sessions and the database password survive a restart.
    [ -f "$STACK/secrets" ] || (umask 077 && "$PY" -c 'import secrets
print("SECRET_KEY=" + secrets.token_urlsafe(50))
print("PG_PASSWORD=" + secrets.token_hex(16))' >"$STACK/secrets")
    # shellcheck disable=SC1091
    . "$STACK/secrets"
    (umask 077 && cat >"$STACK/env" <<EOF
# Written by docker/stack.sh: the variables every process of the stack runs with.
# set -a; . .stack/env; set +a; .venv/bin/python manage.py ...
SECRET_KEY=$SECRET_KEY
SITE_URL=http://127.0.0.1:$PORT
H5P_CONTENT_ORIGIN=http://localhost:$CONTENT_PORT
ALLOWED_HOSTS=127.0.0.1,localhost
TRUSTED_PROXY_COUNT=1
DATABASE_URL=postgres://semilla:$PG_PASSWORD@127.0.0.1:$PG_PORT/semilla
DATABASE_POOL_MAX_SIZE=${STACK_DB_POOL_MAX_SIZE:-10}
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
EOF
    )
}

load_env() {
    set -a
    # shellcheck disable=SC1091
    . "$STACK/env"
    set +a
}

# --- The servers ------------------------------------------------------------------------------------------------

start_daphne() {  # start_daphne N
    local n=$1 port=${DAPHNE_PORTS[$(($1 - 1))]}
    # No --proxy-headers: cms/client_ip.py reads X-Forwarded-For as far as TRUSTED_PROXY_COUNT allows.
    nohup setsid "$VENV/bin/daphne" -b 127.0.0.1 -p "$port" --application-close-timeout 10 cms.asgi:application \
        >>"$LOGS/daphne-$n.log" 2>&1 </dev/null &
    echo $! >"$RUN/daphne-$n.pid"
    wait_for 90 "Daphne $n (port $port)" port_answers "$port"
}

start_http() {
    rm -rf "$RUN/http-ready" && mkdir -p "$RUN/http-ready"
    # At most 4 requests inside Django at once per worker (cms/admission.py): without it 2,000 learners piled
    # 40-50 threads on each worker and p95 reached 60 s (bench/README.md).
    SEMILLA_HTTP_CONCURRENCY="${SEMILLA_HTTP_CONCURRENCY:-4}" \
    SEMILLA_HTTP_BIND="127.0.0.1:$HTTP_PORT" WEB_CONCURRENCY="$HTTP_WORKERS" SEMILLA_HTTP_READY_DIR="$RUN/http-ready" \
        nohup setsid "$VENV/bin/gunicorn" -c docker/gunicorn.conf.py cms.asgi:application \
        >>"$LOGS/http.log" 2>&1 </dev/null &
    echo $! >"$RUN/http.pid"
    wait_for 120 "the HTTP workers" http_workers_ready "$HTTP_WORKERS"
}

http_workers_ready() {  # as many workers as asked have loaded the application
    [ "$(ls "$RUN/http-ready" | wc -l)" -ge "$1" ]
}

# The background jobs' worker (django-tasks' database backend), once the project has it.
start_jobs() {
    "$PY" manage.py help db_worker >/dev/null 2>&1 || return 0
    say "starting the background jobs' worker"
    nohup setsid "$PY" manage.py db_worker >>"$LOGS/jobs.log" 2>&1 </dev/null &
    echo $! >"$RUN/jobs.pid"
}

render_nginx() {
    local nginx_user
    nginx_user=$(id -un)  # not root: nginx ignores the line and its workers run as this user
    if [ "$(id -u)" = 0 ]; then
        # nginx's workers read the static files and the error page; as root only if www-data cannot.
        nginx_user=www-data
        runuser -u www-data -- test -r "$ROOT/staticfiles/staticfiles.json" || nginx_user=root
    fi
    mkdir -p "$STACK/nginx/tmp" "$STACK/errors"
    [ "$(id -u)" = 0 ] && chown -R www-data "$STACK/nginx/tmp"
    SEMILLA_LISTEN="127.0.0.1:$PORT" SEMILLA_SITE_HOST=127.0.0.1 \
        SEMILLA_CONTENT_LISTEN="127.0.0.1:$CONTENT_PORT" SEMILLA_CONTENT_HOST=localhost \
        SEMILLA_HTTP_UPSTREAM="127.0.0.1:$HTTP_PORT" \
        SEMILLA_DAPHNE_1="127.0.0.1:${DAPHNE_PORTS[0]}" SEMILLA_DAPHNE_2="127.0.0.1:${DAPHNE_PORTS[1]}" \
        SEMILLA_STATIC_ROOT="$ROOT/staticfiles" SEMILLA_ERROR_ROOT="$STACK/errors" \
        SEMILLA_FORWARDED_PROTO='$scheme' \
        envsubst '$SEMILLA_LISTEN $SEMILLA_SITE_HOST $SEMILLA_CONTENT_LISTEN $SEMILLA_CONTENT_HOST $SEMILLA_HTTP_UPSTREAM $SEMILLA_DAPHNE_1 $SEMILLA_DAPHNE_2 $SEMILLA_STATIC_ROOT $SEMILLA_ERROR_ROOT $SEMILLA_FORWARDED_PROTO' \
        <docker/nginx.conf.template >"$STACK/nginx/semilla.conf"
    # The main file (what Debian's /etc/nginx/nginx.conf would be), kept in .stack: nothing system-wide changes.
    SEMILLA_NGINX_USER="$nginx_user" SEMILLA_NGINX_RUN="$RUN" SEMILLA_NGINX_LOGS="$LOGS" \
        SEMILLA_NGINX_TEMP="$STACK/nginx/tmp" SEMILLA_NGINX_SITE="$STACK/nginx/semilla.conf" \
        envsubst '$SEMILLA_NGINX_USER $SEMILLA_NGINX_RUN $SEMILLA_NGINX_LOGS $SEMILLA_NGINX_TEMP $SEMILLA_NGINX_SITE' \
        <docker/nginx-main.conf.template >"$STACK/nginx/nginx.conf"
    nginx -t -q -c "$STACK/nginx/nginx.conf" -e "$LOGS/nginx-error.log" || die "nginx refused its configuration"
}

# --- Commands -----------------------------------------------------------------------------------------------------

start() {
    command -v nginx >/dev/null || die "nginx is missing: apt-get install nginx"
    command -v redis-server >/dev/null || die "redis-server is missing: apt-get install redis-server"
    [ -x "$PG_BIN/initdb" ] || die "PostgreSQL is missing: apt-get install postgresql"
    stop_all quiet
    mkdir -p "$STACK" "$RUN" "$LOGS"
    write_env
    load_env
    PG_PASSWORD=$(sed -n 's/^PG_PASSWORD=//p' "$STACK/secrets")

    pg_start
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
        --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" --dir "$STACK" >/dev/null
    wait_for 30 "Redis" redis-cli -p "$REDIS_PORT" ping

    say "migrations, static files and the demo"
    "$PY" manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*' -v 0
    "$PY" manage.py collectstatic --noinput -v 0
    "$PY" manage.py migrate --noinput -v 0
    "$PY" manage.py demo_load >"$LOGS/demo.log"
    "$PY" manage.py demo_load_incubator >>"$LOGS/demo.log"
    "$PY" manage.py write_unavailable_page "$STACK/errors"

    say "starting the HTTP workers and two Daphne processes"
    start_http
    start_daphne 1
    start_daphne 2
    start_jobs
    render_nginx
    nginx -c "$STACK/nginx/nginx.conf" -e "$LOGS/nginx-error.log"
    wait_for 30 "nginx" port_answers "$PORT"
    "$PY" manage.py demo_ready --url "http://127.0.0.1:$PORT/" --content-url "http://localhost:$CONTENT_PORT/" \
        --timeout 60 | grep -v "Ctrl+C"
    say "running; the variables are in .stack/env; stop it with: make stack-stop"
}

stop_all() {
    [ -d "$STACK" ] || return 0
    [ "${1:-}" = quiet ] || say "stopping"
    if alive "$RUN/nginx.pid"; then
        nginx -c "$STACK/nginx/nginx.conf" -e "$LOGS/nginx-error.log" -s quit 2>/dev/null || true
        for _ in $(seq 1 40); do alive "$RUN/nginx.pid" || break; sleep 0.25; done
        stop_pid "$RUN/nginx.pid"
    fi
    stop_pid "$RUN/daphne-1.pid"
    stop_pid "$RUN/daphne-2.pid"
    stop_pid "$RUN/http.pid"
    stop_pid "$RUN/jobs.pid"
    if alive "$RUN/redis.pid"; then
        redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
        stop_pid "$RUN/redis.pid"
    fi
    pg_stop
}

# A rolling restart: each HTTP worker in turn (gunicorn starts its replacement, which loads the code anew,
# while the others serve), then each Daphne in turn (its sockets reconnect to the other one through nginx).
restart() {
    alive "$RUN/http.pid" || die "the stack is not running"
    local master old pid
    master=$(cat "$RUN/http.pid")
    old=$(pgrep -P "$master" | tr '\n' ' ')
    for pid in $old; do
        say "replacing HTTP worker $pid"
        kill -TERM "$pid" 2>/dev/null || continue
        for _ in $(seq 1 240); do [ -e "$RUN/http-ready/$pid" ] || break; sleep 0.25; done  # gone and reaped
        wait_for 120 "a new HTTP worker" http_workers_ready "$HTTP_WORKERS"
    done
    for n in 1 2; do
        say "restarting Daphne $n"
        stop_pid "$RUN/daphne-$n.pid"
        start_daphne "$n"
    done
    say "rolling restart done"
}

status() {
    local file
    for file in "$RUN"/*.pid; do
        [ -e "$file" ] || continue
        if alive "$file"; then echo "$(basename "$file" .pid): running ($(cat "$file"))"; else echo "$(basename "$file" .pid): stopped"; fi
    done
    [ -f "$STACK/pg/data/postmaster.pid" ] && echo "postgresql: running" || echo "postgresql: stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop_all ;;
    restart) restart ;;
    status) status ;;
    *) die "usage: docker/stack.sh start|stop|restart|status" ;;
esac
