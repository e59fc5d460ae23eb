#!/usr/bin/env bash
# Read-path load benchmark of `trellis serve` over PostgreSQL.
#
#   tests/benches/read_path/run.sh BIN[:norls] [BIN[:norls]...]
#
# Each BIN (a built `trellis` binary, e.g. target/release/trellis) gets, in
# turn, a fresh database migrated by itself and the same seed: BENCH_TENANTS
# tenants of BENCH_MEMBERS members. Then, on one server process:
#   - its RSS after seeding and after BENCH_SIGNINS sign-ins (argon2 buffers);
#   - wrk on the members page and on `{ me { id } }`, each request with the
#     token of a tenant picked at random;
#   - pgbench replaying those requests' own statements: one request of each
#     kind per tenant is captured from the PostgreSQL log (log_statement = all
#     on that database only, served by a second, short-lived server process);
#     pgbench tps is replayed requests/s. By default each distinct statement
#     is prepared once per pgbench client and executed with the logged
#     values under the settings of the server's connections that ran it
#     (REPLAY_SETTINGS), as the server does (BENCH_REPLAY=literal inlines the values
#     instead, so PostgreSQL parses and plans every statement every time).
#     pgbench connects as the server does, so the policies hold it too.
# The server connects as a role that owns no table and is not a superuser
# (BENCH_APP_ROLE, created if missing), in production mode, so PostgreSQL's
# row-level security holds it. BIN:norls is the same server, role and mode
# over a database whose tables have row-level security disabled after
# migrating: the one difference is the policies, which measures what they
# cost. Migrations always run as PGUSER.
# With BENCH_KINDS including `items` (the Work list: 50 items, newest first,
# with creator and tags), every tenant also gets BENCH_ITEMS items with two
# of BENCH_TAGS tags each, and with BENCH_GROW set, the first tenant then
# grows to BENCH_GROW items: the latency of its items page, of a search and
# of itemAnalytics is timed alone before and after (client.py time).
# It ends with one Markdown table of every binary and kind.
#
# Environment, with defaults:
#   BENCH_DURATION=20 seconds per measurement   BENCH_WARMUP=5 seconds before each
#   BENCH_CONNECTIONS=32  BENCH_THREADS=2       wrk and pgbench alike
#   BENCH_TENANTS=100  BENCH_MEMBERS=50         BENCH_SIGNINS=1000  BENCH_PARALLEL=4
#   BENCH_REPLAY=prepared                       or literal, see above
#   BENCH_KINDS="members me"  or any of members, me, items
#   BENCH_ITEMS=1000  BENCH_TAGS=10  BENCH_GROW=0 (e.g. 1000000)  BENCH_TIMED=200 requests
#   BENCH_APP_ROLE=trellis_bench_app
#   BENCH_KEEP=1 keeps the databases, to look at plans afterwards
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres (PGPASSWORD if needed; a superuser,
#   for ALTER DATABASE ... SET log_statement)   PGLOG=the cluster's log file
#   PGHOST may be a directory, as for libpq (e.g. /var/run/postgresql): the
#   server, psql and pgbench then all connect over that Unix socket, as a
#   server on its database's machine would, without TCP or TLS.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-5} # at least 1: wrk and pgbench take no 0-second run
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
tenants=${BENCH_TENANTS:-100}
members=${BENCH_MEMBERS:-50}
signins=${BENCH_SIGNINS:-1000}
parallel=${BENCH_PARALLEL:-4}
replay=${BENCH_REPLAY:-prepared}
read -r -a kinds <<<"${BENCH_KINDS:-members me}"
items=${BENCH_ITEMS:-1000}
tags=${BENCH_TAGS:-10}
grow=${BENCH_GROW:-0}
timed_requests=${BENCH_TIMED:-200}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
password=bench-password-1
app_role=${BENCH_APP_ROLE:-trellis_bench_app}
app_password=bench-app-password-1

die() { echo "run.sh: $*" >&2; exit 1; }
log() { echo "== $*"; }
calc() { awk "BEGIN { printf \"%.$1f\", $2 }"; } # calc DECIMALS EXPR
indent() { awk '{ print "    " $0 }'; }
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

(($# > 0)) || die "usage: $0 BIN [BIN...]  (paths to built trellis binaries)"
for label in "$@"; do [[ -x ${label%:norls} ]] || die "${label%:norls} is not an executable file"; done
for tool in psql pgbench wrk curl python3; do
  command -v "$tool" >/dev/null ||
    die "$tool not found (Debian: apt-get install -y postgresql-client wrk curl python3)"
done
sql -d postgres -c 'SELECT 1' >/dev/null ||
  die "cannot connect to PostgreSQL at $PGUSER@$PGHOST:$PGPORT (set PGHOST, PGPORT, PGUSER, PGPASSWORD)"
[[ $(sql -d postgres -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user') == t ]] ||
  die "$PGUSER is not a superuser: log_statement can only be set by one"
[[ $(sql -d postgres -c 'SHOW log_line_prefix') == *%u@%d* ]] ||
  die "log_line_prefix must contain %u@%d: the statement capture tells databases apart by it"
if [[ -z ${PGLOG:-} ]] && command -v pg_lsclusters >/dev/null; then
  PGLOG=$(pg_lsclusters -h | awk -v port="$PGPORT" '$3 == port { print $7; exit }')
fi
[[ -r ${PGLOG:-} ]] || die "cannot read the PostgreSQL log '${PGLOG:-}' (set PGLOG)"
[[ $replay == prepared || $replay == literal ]] || die "BENCH_REPLAY must be prepared or literal"
((tenants <= 128)) || die "pgbench takes at most 128 scripts: BENCH_TENANTS must be <= 128"

# The server reads TRELLIS_* and DATABASE_URL (and a .env in its working
# directory): only what is set below may shape the measurement.
for var in "${!TRELLIS_@}"; do unset "$var"; done
unset DATABASE_URL
jwt_secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
secret_key=$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
pg_url_auth=$PGUSER
if [[ -n ${PGPASSWORD:-} ]]; then
  pg_url_auth+=:$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$PGPASSWORD")
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/trellis-read-path.XXXXXX")
clk_tck=$(getconf CLK_TCK)

servers=() databases=()
cleanup() {
  local pid db
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  for db in "${databases[@]}"; do
    if [[ -n ${BENCH_KEEP:-} ]]; then echo "kept database $db"; continue; fi
    sql -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || echo "could not drop $db" >&2
  done
  echo "logs and pgbench scripts: $work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# db_url AUTH DB: where the server finds DB, the way libpq reads PGHOST.
db_url() {
  if [[ $PGHOST == /* ]]; then
    echo "postgres://$1@localhost:$PGPORT/$2?host=$PGHOST"
  else
    echo "postgres://$1@$PGHOST:$PGPORT/$2"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server BIN DB PORT LOG: sets $server_pid once /health answers.
start_server() {
  local bin=$1 db=$2 port=$3 out=$4
  # The subshell execs env, which execs the binary: $! is the server itself.
  local env=production url_auth=$app_role:$app_password
  # Seeding signs in thousands of times from one address: the sign-in
  # throttle is set out of the way.
  (cd "$work" && exec env TRELLIS_ENV="$env" TRELLIS_LOG_FORMAT=json TRELLIS_JWT_SECRET="$jwt_secret" \
    TRELLIS_SECRET_KEY="$secret_key" TRELLIS_BIND="127.0.0.1:$port" TRELLIS_AUTO_MIGRATE=false \
    TRELLIS_AUTH_ATTEMPTS_PER_IP=1000000 TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT=2000000 \
    TRELLIS_DATABASE_URL="$(db_url "$url_auth" "$db")" "$bin" serve >"$out" 2>&1) &
  server_pid=$!
  servers+=("$server_pid")
  for _ in $(seq 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 30 "$out" >&2
  die "$bin serve did not become healthy on port $port (log above, in $out)"
}

stop_server() {
  kill "$1" || true
  wait "$1" 2>/dev/null || true # a server killed by the signal exits non-zero
  local kept=() pid
  for pid in "${servers[@]}"; do [[ $pid == "$1" ]] || kept+=("$pid"); done
  servers=("${kept[@]}")
}

rss_mb() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# busy_pct: how busy all CPUs are over one second, as a check that nothing
# else on the machine competes with the measurement.
busy_pct() {
  local a b
  a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
  sleep 1
  b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "%.0f", 100 * (y[1] - x[1]) / (y[1] - x[1] + y[2] - x[2] + 1e-9) }'
}
# as_app CMD...: runs a libpq client as the server's role.
as_app() { PGUSER=$app_role PGPASSWORD=$app_password "$@"; }
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; } # utime + stime

# sign_in COUNT: COUNT tenant-scoped sign-ins, leaving a fresh token per tenant.
sign_in() {
  python3 "$here/client.py" signin "$url" "$run/owners.tsv" "$password" "$1" "$parallel" "$run/tokens"
  tokens_at=$SECONDS
}

# measure KIND: wrk on the server, then pgbench on the captured statements.
measure() {
  local kind=$1 script out ticks0 ticks1 log0 log1 strays busy n requests duration_us non2xx socket_errors
  local scripts=()
  # Access tokens live 15 minutes; one must outlast the checks and the run.
  ((SECONDS - tokens_at < 900 - 2 * (warmup + duration) - 120)) || sign_in "$tenants"
  python3 "$here/client.py" body "$kind" >"$run/$kind.json"
  python3 "$here/client.py" check "$url" "$run/tokens" "$kind" "$((members < 50 ? members : 50))"
  busy=$(busy_pct)
  if ((busy > 10)); then
    echo "    warning: the CPUs were $busy % busy before this run with the server idle: other work skews it"
    busy_runs+=("$index/$kind: $busy %")
  fi
  log "$kind: wrk -t$threads -c$connections, ${warmup}s warm-up, ${duration}s measured"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$here/load.lua" "$url" -- \
    "$run/tokens" "$run/$kind.json" >/dev/null
  log0=$(stat -c %s "$PGLOG")
  ticks0=$(cpu_ticks "$server_pid")
  out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" -s "$here/load.lua" "$url" -- \
    "$run/tokens" "$run/$kind.json")
  ticks1=$(cpu_ticks "$server_pid")
  log1=$(stat -c %s "$PGLOG")
  indent <<<"$out"
  # Every token still answers correctly after the run.
  python3 "$here/client.py" check "$url" "$run/tokens" "$kind" "$((members < 50 ? members : 50))"
  strays=$(tail -c "+$((log0 + 1))" "$PGLOG" | head -c "$((log1 - log0))" | grep -c "@$db " || true)
  ((strays == 0)) || echo "    warning: $strays log lines of $db during the run (statement logging still on?)"
  read -r requests duration_us non2xx socket_errors p50_us p99_us < <(grep -o 'WRK_RESULT.*' <<<"$out" |
    sed -E 's/[a-z0-9_]+=//g; s/WRK_RESULT //' | awk '{ print $1, $2, $3, $4, $5, $6 }')
  p50[$kind]=$(calc 1 "$p50_us / 1000")
  p99[$kind]=$(calc 1 "$p99_us / 1000")
  rps[$kind]=$(calc 0 "$requests / ($duration_us / 1e6)")
  cpu[$kind]=$(calc 2 "($ticks1 - $ticks0) / $clk_tck / $requests * 1000")
  failed[$kind]=$((non2xx + socket_errors))

  # A request that sent no statement has no script (pglog.py).
  for script in "$run/sql/$kind"-[0-9][0-9][0-9].sql; do
    [[ -e $script ]] && scripts+=(-f "$script")
  done
  if ((${#scripts[@]} == 0)); then
    log "$kind: no request sent a statement: nothing to replay"
    tps[$kind]=- ratio[$kind]=-
    return
  fi
  settings=${REPLAY_SETTINGS[$kind]:-}
  log "$kind: pgbench -c$connections -j$threads, $replay replay${settings:+ ($settings)}, one script per tenant ($tenants)"
  # replay_prepared: each client's own flag that it has prepared the statements.
  PGOPTIONS=$settings as_app pgbench -n -D replay_prepared=0 -c "$connections" \
    -j "$threads" -T "$warmup" "${scripts[@]}" "$db" >/dev/null 2>&1 || true
  if ! out=$(PGOPTIONS=$settings as_app pgbench -n -D replay_prepared=0 \
    -c "$connections" -j "$threads" -T "$duration" "${scripts[@]}" "$db" 2>&1); then
    tail -n 20 <<<"$out" >&2
    die "pgbench failed replaying the $kind statements (scripts in $run/sql)"
  fi
  grep -E '^(number of transactions actually|number of failed|latency average|tps)' <<<"$out" | indent
  tps[$kind]=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out" | head -n 1)
  ratio[$kind]="$(calc 0 "100 * ${rps[$kind]} / ${tps[$kind]}") %"
}

# The settings each kind's replay runs under. Both statements of an
# unfiltered items page (the token check and the page) run on the store's
# settled connections, planned once per connection and without JIT; with
# the defaults PostgreSQL would plan the page afresh on every run, as it
# never does for the server, and the replay would understate what it can
# serve. The other kinds replay with the defaults.
declare -A REPLAY_SETTINGS=([items]="-c plan_cache_mode=force_generic_plan -c jit=off")

# The requests timed on the grown tenant: the benchmark's page; a search
# for words few items hold, ranked; a search every item matches, newest
# first and ranked (the newest 1,000 matches are ranked); and every figure
# of the whole tenant's analytics. A request the schema does not have
# yet is skipped.
TIMED_QUERIES=(
  "items|{ items(first: 50, orderBy: {field: CREATED_AT, direction: DESC}) { edges { node { id title status priority createdAt creator { email } tags { name } } } } }"
  "search|{ items(first: 50, filter: {search: \"item 4242\"}, orderBy: {field: RELEVANCE, direction: DESC}) { edges { node { id title } } } }"
  "search_newest|{ items(first: 50, filter: {search: \"backlog sentence\"}, orderBy: {field: CREATED_AT, direction: DESC}) { edges { node { id title } } } }"
  "search_every_item_ranked|{ items(first: 50, filter: {search: \"backlog sentence\"}, orderBy: {field: RELEVANCE, direction: DESC}) { edges { node { id title } } } }"
  "analytics|{ itemAnalytics { total overdue completedThisWeek avgCompletionHours avgActualHours byStatus { status count } byPriority { priority count } byAssignee { count user { email } } } }"
)

# time_queries SUFFIX: p50 and p99 of each timed request on the first tenant.
time_queries() {
  local entry name query token
  token=$(head -n 1 "$run/tokens")
  for entry in "${TIMED_QUERIES[@]}"; do
    name=${entry%%|*} query=${entry#*|}
    timed[$name$1]=$(python3 "$here/client.py" time "$url" "$token" "$timed_requests" "$query" 2>/dev/null ||
      echo "- -")
  done
}

grow_one_tenant() {
  local first name before after
  declare -gA timed=()
  first=$(head -n 1 "$run/owners.tsv" | cut -f 2)
  time_queries _before
  log "growing tenant $first to $grow items (on the ENTERPRISE plan, which has no item limit)"
  sql -d "$db" -c "UPDATE tenants SET plan = 'ENTERPRISE' WHERE id = '$first'" >/dev/null
  sql -d "$db" -v items="$((grow - items))" -v tags="$tags" -v tenant="$first" \
    -f "$here/seed_items.sql" >/dev/null
  # Access tokens live 15 minutes: growing may take a good part of that.
  sign_in "$tenants"
  time_queries _after
  for entry in "${TIMED_QUERIES[@]}"; do
    name=${entry%%|*}
    read -r -a before <<<"${timed[${name}_before]}"
    read -r -a after <<<"${timed[${name}_after]}"
    grow_rows+=("| $index: \`$label\` | $name | ${before[0]} | ${before[1]} | ${after[0]} | ${after[1]} |")
  done
}

rows=() rss_rows=() grow_rows=() busy_runs=()
index=0
sql -d postgres -c "DO \$\$ BEGIN CREATE ROLE $app_role LOGIN PASSWORD '$app_password';
  EXCEPTION WHEN duplicate_object THEN NULL; END \$\$" >/dev/null
for label in "$@"; do
  index=$((index + 1))
  without_rls=0
  path=$label
  if [[ $label == *:norls ]]; then without_rls=1 path=${label%:norls}; fi
  bin=$(readlink -f "$path") # the server runs in $work
  run=$work/$index
  db=trellis_bench_$$_$index
  mkdir -p "$run/sql"
  declare -A rps=() cpu=() failed=() tps=() ratio=() statements=() p50=() p99=()
  log "[$index] $label ($("$bin" --version 2>/dev/null || echo 'no --version'))"

  sql -d postgres -c "CREATE DATABASE \"$db\""
  databases+=("$db")
  TRELLIS_DATABASE_URL="$(db_url "$pg_url_auth" "$db")" TRELLIS_ENV=production \
    TRELLIS_JWT_SECRET="$jwt_secret" TRELLIS_SECRET_KEY="$secret_key" \
    "$bin" migrate >"$run/migrate.log" 2>&1 || { tail -n 30 "$run/migrate.log" >&2; die "$bin migrate failed"; }
  sql -d "$db" -c "GRANT USAGE ON SCHEMA public TO $app_role;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO $app_role" >/dev/null
  if ((without_rls)); then
    sql -d "$db" -c "DO \$\$ DECLARE t regclass; BEGIN
      FOR t IN SELECT oid FROM pg_class WHERE relrowsecurity AND relnamespace = 'public'::regnamespace LOOP
        EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY', t);
      END LOOP; END \$\$" >/dev/null
    log "row-level security disabled on every table"
  fi

  port=$(free_port)
  url=http://127.0.0.1:$port/graphql
  start_server "$bin" "$db" "$port" "$run/server.log"
  main_pid=$server_pid
  log "RSS at start: $(rss_mb "$main_pid") MB"
  log "seeding $tenants tenants x $members members (owners through the API)"
  python3 "$here/client.py" seed "$url" "$tenants" "$password" "$run/owners.tsv" "$run/tokens"
  sql -d "$db" -v members="$members" -f "$here/seed.sql" >/dev/null
  total=$(sql -d "$db" -c 'SELECT count(*) FROM memberships')
  ((total == tenants * members)) || die "seeded $total memberships, expected $((tenants * members))"
  if [[ " ${kinds[*]} " == *" items "* ]]; then
    log "seeding $items items per tenant, two of $tags tags each"
    sql -d "$db" -v items="$items" -v tags="$tags" -v tenant= -f "$here/seed_items.sql" >/dev/null
  fi
  rss_seeded=$(rss_mb "$main_pid")
  log "RSS after seeding: $rss_seeded MB; $signins sign-ins, $parallel at a time"
  sign_in "$signins"
  rss_signins=$(rss_mb "$main_pid")
  log "RSS after $signins sign-ins: $rss_signins MB"

  # Only connections opened after the ALTER log their statements: those of
  # a second server on another port, started now and stopped before the
  # measurements. The main server's pool, idle meanwhile, stays silent.
  log "capturing one request of each kind per tenant from $PGLOG"
  sql -d postgres -c "ALTER DATABASE \"$db\" SET log_statement = 'all'"
  capture_port=$(free_port)
  start_server "$bin" "$db" "$capture_port" "$run/capture-server.log"
  for kind in "${kinds[@]}"; do
    python3 "$here/client.py" capture "http://127.0.0.1:$capture_port/graphql" "$run/tokens" \
      "$kind" "$PGLOG" "$run/$kind.windows"
  done
  stop_server "$server_pid"
  sql -d postgres -c "ALTER DATABASE \"$db\" RESET log_statement"
  server_pid=$main_pid
  for kind in "${kinds[@]}"; do
    out=$(python3 "$here/pglog.py" "$PGLOG" "$db" "$run/$kind.windows" "$run/sql" "$kind" "$replay")
    grep -v '^STATEMENTS' <<<"$out"
    statements[$kind]=$(sed -n 's/^STATEMENTS //p' <<<"$out")
    # Every replayed statement must run as written before pgbench loops over it.
    sql -d "$db" -f "$run/sql/$kind-check.sql" >/dev/null ||
      die "a captured $kind statement does not run as replayed (see $run/sql/$kind-check.sql)"
  done

  for kind in "${kinds[@]}"; do
    measure "$kind"
    rows+=("| $index: \`$label\` | $kind | ${rps[$kind]} | ${p50[$kind]} | ${p99[$kind]} \
| ${tps[$kind]%.*} | ${ratio[$kind]} | ${statements[$kind]} | ${cpu[$kind]} | ${failed[$kind]} |")
  done
  if ((grow > 0)) && [[ " ${kinds[*]} " == *" items "* ]]; then grow_one_tenant; fi
  rss_rows+=("| $index: \`$label\` | $rss_seeded | $rss_signins |")
  stop_server "$main_pid"
  if [[ -z ${BENCH_KEEP:-} ]]; then
    sql -d postgres -c "DROP DATABASE \"$db\" WITH (FORCE)"
    databases=()
  fi
done

echo
items_note=""
[[ " ${kinds[*]} " == *" items "* ]] && items_note=" x $items items (two of $tags tags each)"
echo "Read path: $tenants tenants x $members members$items_note," \
  "wrk -t$threads -c$connections ${duration}s (after ${warmup}s warm-up), $replay pgbench replay," \
  "random tenant per request"
echo
echo "| binary | kind | req/s | p50 ms | p99 ms | replay tps | ratio | statements/req \
| server CPU s per 1000 req | failed req |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "| binary | RSS MB seeded | RSS MB after $signins sign-ins |"
echo "|---|---:|---:|"
printf '%s\n' "${rss_rows[@]}"
if ((${#grow_rows[@]} > 0)); then
  echo
  echo "One tenant grown from $items to $grow items; each request sent alone, $timed_requests times:"
  echo
  echo "| binary | request | p50 ms at $items | p99 ms at $items | p50 ms at $grow | p99 ms at $grow |"
  echo "|---|---|---:|---:|---:|---:|"
  printf '%s\n' "${grow_rows[@]}"
fi
echo
((${#busy_runs[@]} == 0)) || echo "Other work kept the CPUs busy before: ${busy_runs[*]}; compare with care."
echo "Targets: members >= 2000 req/s and >= 50 % of its replay; me >= 6000 req/s;" \
  "items >= 2000 req/s with p99 < 40 ms; RSS < 100 MB after 1000 sign-ins;" \
  "a grown tenant's items page within 20 % of its latency before, search and analytics < 100 ms."
