#!/usr/bin/env bash
# Runs Debian's sqlmap against a running Dudao demo (issue 8): the public endpoints without a token and the staff API
# with a bearer token of the demo account "city". Prints, per target, whether sqlmap found an injectable parameter.
# The goal is nothing. Start the demo first (./mvnw spring-boot:run, PORT as below), then:
#   bench/sqlmap.sh [base-url]          (default http://127.0.0.1:${PORT:-8080})
# Each target's request without the markers answers 2xx (or the 401/404 named below), so the probes reach the queries.
# The public limits must not refuse sqlmap's hundreds of requests: start the demo with DUDAO_TIPS_PER_HOUR=100000000
# --dudao.portal.lookup-failures-before-slowdown=1000000 --dudao.portal.lookup-failures-before-refusal=1000000.
# sqlmap: apt-get install sqlmap
set -euo pipefail
BASE=${1:-http://127.0.0.1:${PORT:-8080}}
LEVEL=${SQLMAP_LEVEL:-3}
RISK=${SQLMAP_RISK:-2}
OUT=$(mktemp -d /tmp/dudao-sqlmap.XXXXXX)
command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install sqlmap"; exit 2; }

TOKEN=$(curl -sf -H 'Content-Type: application/json' \
  --data "{\"username\":\"city\",\"password\":\"${DUDAO_DEMO_PASSWORD:-Dudao-demo-2018}\"}" "$BASE/api/v1/tokens" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
[ -n "$TOKEN" ] || { echo "no token from $BASE/api/v1/tokens"; exit 2; }
ROUND=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/campaigns" | grep -oE '"rounds":\[\{"id":[0-9]+' | grep -oE '[0-9]+$' | head -1 || true)
ROUND=${ROUND:-1}

found=0
run() {
  local name=$1; shift
  local log="$OUT/$name.log"
  sqlmap --batch --disable-coloring --level="$LEVEL" --risk="$RISK" --dbms=PostgreSQL --technique=BEUST \
    --time-sec=3 --threads=2 --output-dir="$OUT/out" "$@" > "$log" 2>&1 || true
  if grep -q "identified the following injection point" "$log"; then
    echo "FOUND   $name"; grep -A6 "identified the following injection point" "$log"; found=$((found + 1))
  elif grep -qE "do not appear to be injectable|not injectable" "$log"; then
    echo "nothing $name ($(grep -c "testing '" "$log") tests)"
  else
    echo "unclear $name (see $log)"; tail -5 "$log"
  fi
}
AUTH="Authorization: Bearer $TOKEN"
# No Idempotency-Key: with one key every probe after the first would be answered from the first tip, untested.
run public-tip -u "$BASE/api/v1/public/tips" --method=POST --headers="Content-Type: application/json" \
  --data='{"region":"500116*","reported":[{"name":"不清楚"}],"activity":{"category":"MARKET_BULLYING","place":"x*","time":"x","description":"sqlmap*"}}'
# A wrong receipt code answers 404 and wrong credentials 401, by design: sqlmap must read those answers, not stop.
run public-lookup -u "$BASE/api/v1/public/tips/lookup" --method=POST --headers="Content-Type: application/json" \
  --ignore-code=404 --data='{"receiptCode":"1234567890123456*"}'
run public-messages -u "$BASE/api/v1/public/tips/messages" --method=POST --headers="Content-Type: application/json" \
  --ignore-code=404 --data='{"receiptCode":"1234567890123456*","text":"x*"}'
run token -u "$BASE/api/v1/tokens" --method=POST --headers="Content-Type: application/json" \
  --ignore-code=401 --data='{"username":"city*","password":"x*"}'
run clues -u "$BASE/api/v1/clues?q=1*&status=RECEIVED*&region=500116*&page=0*" --headers="$AUTH"
run problems -u "$BASE/api/v1/problems?q=1*&status=RECORDED*&region=500116*&round=$ROUND*" --headers="$AUTH"
run staff -u "$BASE/api/v1/staff?q=1*&role=CITY_OFFICE*" --headers="$AUTH"
run audit -u "$BASE/api/v1/audit?actor=city*&action=x*&objectId=1*" --headers="$AUTH"
run regions -u "$BASE/api/v1/regions/500116*" --headers="$AUTH"
run units -u "$BASE/api/v1/units?region=500116*&q=1*" --headers="$AUTH"
run funnel -u "$BASE/api/v1/clues/funnel?asOf=2018-07-30*&by=DISTRICT*" --headers="$AUTH"
run overview -u "$BASE/api/v1/stats/overview?round=$ROUND*&date=2018-07-30*" --headers="$AUTH"
run statistics -u "$BASE/api/v1/problems/statistics?round=$ROUND*&asOf=2018-07-30*&by=GROUP*" --headers="$AUTH"
echo
echo "sqlmap $(sqlmap --version 2>/dev/null | grep -v WARNING | tail -1), level $LEVEL, risk $RISK against $BASE"
echo "injectable_targets=$found"
echo "logs: $OUT"
