#!/usr/bin/env bash
# Whole-process figures of docs/performance.md ("Whole processes on JDK 17"): chatmigrate through its launcher
# against the plain engine on the same scripts, from EMPTY and on a restart, rounds interleaved in a random order.
# Usage: benchmarks/whole-process.sh JDBC_URL [ROUNDS]
#   JDBC_URL: a database where the user may create schemas, such as jdbc:postgresql://127.0.0.1:5432/bench?user=postgres
# Builds nothing: run ./mvnw -q -DskipTests package first. Records each engine's class-data archive beside the jar
# first (as cli/Dockerfile does for an image) unless one is there. Uses the JDK of JAVA_HOME, else of the PATH.
# Prints one line per measurement (case ms), then per case the median and range:
#   java-version         the JVM alone
#   ENGINE-empty         chatmigrate migrate on an empty schema, through the launcher
#   ENGINE-restart       chatmigrate migrate on that schema again (nothing to apply)
#   ENGINE-off-...       the same with CHATMIGRATE_AOT=off: the launcher without a class-data archive (before it had one)
#   plain-ENGINE-empty   the engine alone on the same scripts (ColdRun plain:ENGINE), with the launcher's JVM flags
set -euo pipefail
url=${1:?usage: whole-process.sh JDBC_URL [ROUNDS]}
rounds=${2:-6}
dir=$(cd "$(dirname "$0")/../cli/target" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
engines=(flyway liquibase mybatis)
psql_url=${url#jdbc:}
user=$(sed -n 's/.*[?&]user=\([^&]*\).*/\1/p' <<<"$url")
flags="-XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+UseSerialGC -Djdk.reflect.useNativeAccessorOnly=true"

for engine in "${engines[@]}"; do
  [[ -f $dir/chatmigrate-$engine.jsa ]] && continue
  (cd "$(mktemp -d)" && $java $flags -Xlog:cds=off -XX:ArchiveClassesAtExit="$dir/chatmigrate-$engine.jsa" \
    -cp "$dir/chatmigrate.jar" dev.chatmigrate.cli.AotTraining "$engine" >/dev/null 2>&1)
done

fresh() { psql -X -q "$psql_url" -c "drop schema if exists $1 cascade; create schema $1" >/dev/null 2>&1; }
timed() { # case command...: prints "case ms", fails loudly if the command fails
  local name=$1 start end; shift
  start=$(date +%s%N)
  "$@" >/dev/null 2>/tmp/whole-process.err || { echo "$name failed:"; cat /tmp/whole-process.err; exit 1; }
  end=$(date +%s%N)
  echo "$name $(( (end - start) / 1000000 ))"
}
run_case() {
  case $1 in
    java-version) timed "$1" $java -version ;;
    plain-*) engine=${1#plain-}; fresh wp_plain
       timed "$1" $java $flags -cp "$dir/chatmigrate.jar" dev.chatmigrate.cli.compare.ColdRun \
         "plain:${engine%-empty}" "${url%%\?*}" "$user" wp_plain ;;
    *) engine=${1%%-*}; schema=wp_$engine; aot=on
       [[ $1 == *-off-* ]] && aot=off
       [[ $1 == *-empty ]] && fresh "$schema"
       timed "$1" env DATABASE_URL="$url" CHATMIGRATE_SCHEMA="$schema" CHATMIGRATE_REPLICA_WAIT=0 CHATMIGRATE_AOT=$aot \
         "$dir/chatmigrate" migrate --engine "$engine" ;;
  esac
}

results=$(mktemp)
for ((round = 0; round < rounds; round++)); do
  cases=(java-version)
  for engine in "${engines[@]}"; do cases+=("$engine-pair" "$engine-off-pair" "plain-$engine-empty"); done
  for name in $(printf '%s\n' "${cases[@]}" | shuf); do
    if [[ $name == *-pair ]]; then # a restart needs its empty run just before
      run_case "${name%-pair}-empty"; run_case "${name%-pair}-restart"
    else
      run_case "$name"
    fi
  done | tee -a "$results"
done
echo "# case median (min-max) over $rounds rounds, ms"
for name in $(cut -d' ' -f1 "$results" | sort -u); do
  awk -v c="$name" '$1 == c { print $2 }' "$results" | sort -n | awk -v c="$name" '
    { v[++n] = $1 } END { printf "%-22s %6d (%d-%d)\n", c, (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2, v[1], v[n] }'
done
