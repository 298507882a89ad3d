#!/usr/bin/env bash
# The overview benchmark: the application on a fresh database of the machine's PostgreSQL with the demo, a year-long
# round of 40 groups with a year of fieldwork, then 10,000 clues and 2,000 problems of that round (SQL, triggers off,
# daily tables rebuilt); the median latency of GET /api/v1/stats/overview for the city (`city`) and for one district
# (`jiangjin`, 江津区) over HTTP with a bearer token; then up to 1,000,000 clues and 200,000 problems, the medians
# again, and the ratio 1M ÷ 10k (target: under 2).
#
#   bench/overview/run.sh                          # PostgreSQL on 127.0.0.1:5432, user postgres; builds the jar if missing
#   PGHOST=… PGPORT=… PGUSER=… PGPASSWORD=… bench/overview/run.sh
#   CLUES=200000 SAMPLES=20 bench/overview/run.sh  # a smaller large run (problems are a fifth of the clues)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-dudao_overview_bench}"
SMALL=10000
LARGE="${CLUES:-1000000}"
SAMPLES="${SAMPLES:-30}"
PORT="${BENCH_PORT:-18097}"
# The heap every node runs with in production (docs/production.md); MEMORY=0 skips the heavy requests at the end.
XMX="${BENCH_XMX:-512m}"
MEMORY="${MEMORY:-1}"
DATE=2019-12-31
# Bench ids start far above the demo's.
CLUE0=10000000
PROBLEM0=1000000
psql() { command psql -q -X -v ON_ERROR_STOP=1 "$@"; }

jar=$(ls target/dudao-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -ntp -q -DskipTests package
  jar=$(ls target/dudao-*.jar | grep -v original | head -1)
fi

psql -d postgres -c "drop database if exists $DB" -c "create database $DB" 2>/dev/null
data=$(mktemp -d)
touch "$data/app.log"
DUDAO_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DUDAO_DB_USER="$PGUSER" DUDAO_DB_PASSWORD="${PGPASSWORD:-}" \
  DUDAO_DATA_DIR="$data" DUDAO_DEMO=true java -Xmx"$XMX" -jar "$jar" --server.port="$PORT" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
start=$(date +%s)
until grep -q "demo clues in" "$data/app.log"; do
  if ! kill -0 $app 2>/dev/null; then tail -50 "$data/app.log"; exit 1; fi
  sleep 3
done
echo "  application up with the demo ($(( $(date +%s) - start )) s)"

psql -d "$DB" -f bench/overview/setup.sql >/dev/null
round=$(psql -d "$DB" -At -c "select id from round where name = 'bench year 2019'")
url="http://127.0.0.1:$PORT"
token() {
  curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"Dudao-demo-2018\"}" \
    "$url/api/v1/tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
city=$(token city)
jiangjin=$(token jiangjin)

generate() { # clues from..to, problems from..to (1-based), then the daily tables rebuilt
  psql -d "$DB" -v round="$round" -v cfrom=$((CLUE0 + $1)) -v cto=$((CLUE0 + $2)) \
    -v pfrom=$((PROBLEM0 + $3)) -v pto=$((PROBLEM0 + $4)) -f bench/overview/generate.sql >/dev/null
}
rebuild() {
  psql -d "$DB" -At -c "select 'daily rows: clues ' || clue_daily_rebuild() || ', problems ' || problem_daily_rebuild()" \
    -c "vacuum (analyze) clue, clue_person, clue_daily, problem, problem_event, problem_daily"
}
median() { # token → median milliseconds of the overview over SAMPLES requests, after 3 to warm up
  local t i out
  for i in 1 2 3; do
    curl -sf -o /dev/null -H "Authorization: Bearer $1" "$url/api/v1/stats/overview?round=$round&date=$DATE"
  done
  out=$(for i in $(seq "$SAMPLES"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" \
      "$url/api/v1/stats/overview?round=$round&date=$DATE"
  done | sort -n | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }')
  echo "$out"
}
figures() { # what the city's overview says, to show the data is really there
  curl -sf -H "Authorization: Bearer $city" "$url/api/v1/stats/overview?round=$round&date=$DATE" \
    | python3 -c 'import json, sys; o = json.load(sys.stdin); print(", ".join(f["name"] + "=" + str(f["cumulative"]) for f in o["figures"] if f["name"] in ("cluesReceived", "cluesClosed", "problemsFound", "problemsClosed", "problemsOverdue", "documents")))'
}

generate 1 $SMALL 1 $((SMALL / 5))
rebuild
echo "  10k: $(figures)"
s_city=$(median "$city"); s_district=$(median "$jiangjin")
echo "10k clues, $((SMALL / 5)) problems: city_ms|district_ms = $s_city|$s_district"

idx=$(psql -d "$DB" -At -c "select string_agg(pg_get_indexdef(indexrelid), '; ') from pg_index
  where indrelid = 'clue'::regclass and pg_get_indexdef(indexrelid) like '%gin%'")
psql -d "$DB" -At -c "select 'drop index ' || string_agg(indexrelid::regclass::text, ', ') from pg_index
  where indrelid = 'clue'::regclass and pg_get_indexdef(indexrelid) like '%gin%'" | psql -d "$DB"
chunk=200000
from=$((SMALL + 1))
while [ "$from" -le "$LARGE" ]; do
  to=$((from + chunk - 1)); [ "$to" -gt "$LARGE" ] && to=$LARGE
  generate "$from" "$to" $(( (from - 1) / 5 + 1 )) $((to / 5))
  echo "  loaded $to clues, $((to / 5)) problems ($(( $(date +%s) - start )) s)"
  from=$((to + 1))
done
psql -d "$DB" -c "set maintenance_work_mem = '256MB'; $idx"
rebuild
echo "  1M: $(figures)"
l_city=$(median "$city"); l_district=$(median "$jiangjin")
echo "$LARGE clues, $((LARGE / 5)) problems: city_ms|district_ms = $l_city|$l_district"
awk -v a="$s_city" -v b="$l_city" -v c="$s_district" -v d="$l_district" 'BEGIN {
  printf "ratio (large ÷ 10k): city %.2f, district %.2f (target: under 2)\n", b / a, d / c }'

if [ "$MEMORY" = 1 ]; then
  # The heaviest things a person can ask of one node on the large data, at the production heap: lists, searches,
  # similarity, the funnel and statistics, the exports (pages, so through a signed-in session), the dashboard; then the
  # heap after a full collection and any memory trouble in the log.
  jar_cookies=$(mktemp)
  csrf=$(curl -sf -c "$jar_cookies" "$url/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  curl -sf -o /dev/null -b "$jar_cookies" -c "$jar_cookies" --data-urlencode "username=city" \
    --data-urlencode "password=Dudao-demo-2018" --data-urlencode "_csrf=$csrf" "$url/login"
  clue=$(psql -d "$DB" -At -c "select max(id) from clue")
  echo "memory: -Xmx$XMX, $LARGE clues, $((LARGE / 5)) problems (status seconds bytes request)"
  for path in "/api/v1/clues?size=200" "/api/v1/clues?q=%E5%B8%82%E5%9C%BA&size=200" "/api/v1/clues/$clue/similar" \
      "/api/v1/problems?round=$round&size=200" "/api/v1/clues/funnel?asOf=$DATE" \
      "/api/v1/problems/statistics?round=$round&asOf=$DATE" "/api/v1/stats/trend?round=$round&date=$DATE"; do
    curl -s -o /dev/null -w "  %{http_code} %{time_total} %{size_download} GET $path\n" -H "Authorization: Bearer $city" "$url$path"
  done
  for path in "/clues?q=%E5%B8%82%E5%9C%BA" "/problems?round=$round" "/clues/export.xlsx" "/problems/export.xlsx?round=$round" \
      "/dashboard.xlsx?round=$round&date=$DATE" "/audit/export.xlsx"; do
    curl -s -o /dev/null -w "  %{http_code} %{time_total} %{size_download} GET $path (page)\n" -b "$jar_cookies" "$url$path"
  done
  rm -f "$jar_cookies"
  jcmd $app GC.run >/dev/null 2>&1 || true
  echo "  heap after a full collection: $(jcmd $app GC.heap_info 2>/dev/null | grep -m1 -i 'heap' | sed 's/^ *//')"
  echo "  out_of_memory_errors=$(grep -c -E 'OutOfMemoryError|GC overhead' "$data/app.log" || true)" \
    "application_error_lines=$(grep -c ' ERROR ' "$data/app.log" || true)"
fi
echo "  total $(( $(date +%s) - start )) s; drop the database $DB afterwards"
