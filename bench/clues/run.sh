#!/usr/bin/env bash
# The clue benchmark: a fresh database with the directory and clue migrations, 10,000 generated clues, the medians of
# `similar` and keyword search; then up to 1,000,000 clues (indexes dropped while loading, rebuilt after), the
# medians again, and the ratio 1M ÷ 10k. The clue migrations' triggers fill clue_band (the MinHash bands) as the
# generator inserts, exactly as they do for the application.
#
#   bench/clues/run.sh                       # the machine's PostgreSQL on 127.0.0.1:5432, user postgres
#   PGHOST=… PGPORT=… PGUSER=… bench/clues/run.sh
#   CLUES=200000 bench/clues/run.sh          # a smaller large run
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-dudao_bench}"
LARGE="${CLUES:-1000000}"
SAMPLES="${SAMPLES:-50}"
M=src/main/resources/db/migration
psql() { command psql -q -X -v ON_ERROR_STOP=1 "$@"; }

psql -d postgres -c "drop database if exists $DB" -c "create database $DB"
psql -d "$DB" -f $M/directory/V1__create_region_unit_staff.sql -f $M/directory/V2__chongqing_regions_and_units.sql \
  -f $M/clues/V1__create_clue.sql -f $M/clues/V5__clue_similarity_bands.sql

start=$(date +%s)
psql -d "$DB" -v from=1 -v to=10000 -f bench/clues/generate.sql >/dev/null
small=$(psql -d "$DB" -At -v samples="$SAMPLES" -f bench/clues/measure.sql)
echo "10k: similar_ms|search_ms|clues = $small"

indexes=$(psql -d "$DB" -At -c "select string_agg(pg_get_indexdef(indexrelid), ';') || ';' from pg_index
  where indrelid = 'clue'::regclass and pg_get_indexdef(indexrelid) like '%gin%'")
psql -d "$DB" -c "select 'drop index ' || string_agg(indexrelid::regclass::text, ', ') from pg_index
  where indrelid = 'clue'::regclass and pg_get_indexdef(indexrelid) like '%gin%'" -At \
  | psql -d "$DB"
# The bands' primary key too: the trigger fills clue_band row by row, the key is built once after.
psql -d "$DB" -c "alter table clue_band drop constraint clue_band_pkey"
chunk=100000
from=10001
while [ "$from" -le "$LARGE" ]; do
  to=$((from + chunk - 1)); [ "$to" -gt "$LARGE" ] && to=$LARGE
  psql -d "$DB" -v from="$from" -v to="$to" -f bench/clues/generate.sql >/dev/null
  echo "  loaded $to clues ($(( $(date +%s) - start )) s)"
  from=$((to + 1))
done
psql -d "$DB" -c "set maintenance_work_mem = '512MB'; $indexes
  alter table clue_band add primary key (band, clue_id); analyze clue; analyze clue_person; analyze clue_band;"
echo "  indexes rebuilt ($(( $(date +%s) - start )) s)"
large=$(psql -d "$DB" -At -v samples="$SAMPLES" -f bench/clues/measure.sql)
echo "1M:  similar_ms|search_ms|clues = $large"

IFS='|' read -r s1 k1 _ <<<"$small"
IFS='|' read -r s2 k2 _ <<<"$large"
awk -v s1="$s1" -v s2="$s2" -v k1="$k1" -v k2="$k2" 'BEGIN {
  printf "ratio (large ÷ 10k): similar %.2f, keyword search %.2f (target: under 5)\n", s2 / s1, k2 / k1 }'
