#!/usr/bin/env bash
# Fleet figures of benchmarks/README.md ("Fleets"): whole-process times of the command over many tenant schemas.
# Usage: benchmarks/fleet.sh JDBC_SERVER_URL [ROUNDS]
#   JDBC_SERVER_URL: a server where the user may create databases, such as jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres
# Builds nothing: run ./mvnw -pl cli -am package -DskipTests first. Prints one line per measurement:
#   case engine parallel targets total_ms per_target_ms most_connections
set -euo pipefail
server=${1:?usage: fleet.sh JDBC_SERVER_URL [ROUNDS]}
rounds=${2:-2}
jar=$(dirname "$0")/../cli/target/chatmigrate.jar
base=${server%%\?*}; base=${base%/*}
query=""; [[ $server == *\?* ]] && query="?${server#*\?}"
psql_url=${server#jdbc:}

sql() { psql -X -q -tA "$psql_url" -c "$1"; }
db_url() { echo "$base/$1$query"; }
fresh() { # a fresh database $1 with $2 empty schemas t_0000, t_0001, ...
  sql "drop database if exists $1" >/dev/null; sql "create database $1" >/dev/null
  psql -X -q -tA "${base#jdbc:}/$1$query" -c \
    "do \$\$ begin for i in 0..$(($2 - 1)) loop execute format('create schema %I', 't_' || lpad(i::text, 4, '0')); end loop; end \$\$" >/dev/null
}
now() { date +%s%N; }
# runs the command, sampling the fleet's connections to the server; prints total ms and the most connections seen
measure() {
  local most=0 n start end pid
  start=$(now)
  java -jar "$jar" "$@" >/dev/null 2>&1 & pid=$!
  while kill -0 $pid 2>/dev/null; do
    n=$(sql "select count(*) from pg_stat_activity where application_name like 'chatmigrate-%'" 2>/dev/null || echo 0)
    (( n > most )) && most=$n
    sleep 0.05
  done
  wait $pid || true
  end=$(now)
  echo "$(( (end - start) / 1000000 )) $most"
}

report() { # case engine parallel targets total most
  printf '%s %s %s %s %s %s %s\n' "$1" "$2" "$3" "$4" "$5" "$(awk "BEGIN{printf \"%.1f\", $5/$4}")" "$6"
}

# 1. 1000 schemas, all up to date
fresh fleet_restart 1000
java -jar "$jar" migrate --engine mybatis --url "$(db_url fleet_restart)" --schemas 't_*' --parallel 4 >/dev/null 2>&1
for round in $(seq "$rounds"); do
  for parallel in 1 8; do
    read -r total most < <(measure migrate --engine mybatis --url "$(db_url fleet_restart)" --schemas 't_*' --parallel $parallel)
    report restart-1000 mybatis $parallel 1000 "$total" "$most"
  done
done

# 2. 200 EMPTY schemas per engine and --parallel, interleaved
for round in $(seq "$rounds"); do
  for parallel in 1 2 4 8; do
    for engine in flyway liquibase mybatis; do
      fresh fleet_empty 200
      read -r total most < <(measure migrate --engine $engine --url "$(db_url fleet_empty)" --schemas 't_*' --parallel $parallel)
      report empty-200 $engine $parallel 200 "$total" "$most"
    done
  done
done

# 3. one process per tenant: 20 EMPTY schemas in a shell loop, per engine
for round in $(seq "$rounds"); do
  for engine in flyway liquibase mybatis; do
    fresh fleet_loop 20
    start=$(now)
    for i in $(seq 0 19); do
      java -jar "$jar" migrate --engine $engine --url "$(db_url fleet_loop)" --schema "t_$(printf %04d "$i")" >/dev/null 2>&1
    done
    end=$(now)
    report loop-20 $engine 1 20 "$(( (end - start) / 1000000 ))" 3
  done
done
