#!/usr/bin/env bash
# STI-AS throughput on this machine, in one command:
#   1. raw ES256 signs/s on the provider Callsign picks (JMH, Es256Benchmark.sign) and `openssl speed`;
#   2. Callsign's POST /v1/sign under wrk (lab credentials, embedded PostgreSQL, one provisioned number);
#   3. secsipidx's POST /v1/sign-csv under the same load, with the same lab key and x5u;
#   4. a summary table.
# Everything listens on 127.0.0.1, every step has a bounded duration, and every process started here
# is stopped on exit. Needs a JDK 17, Maven (offline is fine), openssl, wrk, secsipidx, curl and python3.
#
# Settings (environment): BENCH_DURATION (wrk seconds, default 20), BENCH_CONNECTIONS (8),
# BENCH_THREADS (2), BENCH_WARMUP (wrk warm-up seconds, default 10), BENCH_JAVA_OPTS (extra JVM options
# for Callsign, e.g. a GC or a flight recording; default none).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-10}

for tool in java mvn openssl wrk secsipidx python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/sign.sh: '$tool' is not installed" >&2; exit 1; }
done

work=$(mktemp -d -t callsign-bench-XXXXXX)
callsign_pid=""
secsipidx_pid=""

stop_process() { # pid, seconds to wait before SIGKILL
  local pid=$1 grace=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((grace * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    for f in "$work/callsign.log" "$work/secsipidx.log"; do
      [ -f "$f" ] && { echo "--- last lines of $(basename "$f")" >&2; tail -20 "$f" >&2; }
    done
  fi
  stop_process "$secsipidx_pid" 5
  stop_process "$callsign_pid" 30
  # Callsign stops its embedded PostgreSQL on SIGTERM; if it was killed, stop the server it left.
  local pg_pid_file="$work/data/postgres/postmaster.pid"
  if [ -f "$pg_pid_file" ]; then
    stop_process "$(head -1 "$pg_pid_file")" 10
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

log() { echo "== $*" >&2; }

# --- 1. build -------------------------------------------------------------------------------------
newest_source=$(find src pom.xml db -type f -newer target/callsign.jar 2>/dev/null | head -1 || true)
if [ ! -f target/callsign.jar ] || [ ! -f target/bench-classpath.txt ] || [ -n "$newest_source" ]; then
  log "building (mvn package, test classes, bench class path)"
  mvn -B -q -o -DskipTests package dependency:build-classpath >&2 \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi

# --- 2. raw ES256 ---------------------------------------------------------------------------------
log "JMH: Es256Benchmark.sign on the provider Callsign picks (AUTO), 3 x 3 s after 2 x 2 s warm-up"
# jmh.ignoreLock: JMH's lock file is per machine, and another user's run must not stop this one.
java -Djmh.ignoreLock=true -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    'io.callsign.passport.bench.Es256Benchmark.sign$' -p provider=AUTO -f 1 -wi 2 -w 2s -i 3 -r 3s \
    -rf json -rff "$work/jmh.json" > "$work/jmh.txt" 2>&1 || { cat "$work/jmh.txt" >&2; exit 1; }
provider_signs=$(python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"]))' "$work/jmh.json")

log "openssl speed -seconds 3 ecdsap256"
openssl speed -seconds 3 ecdsap256 > "$work/openssl.txt" 2>/dev/null
# The result line: " 256 bits ecdsa (nistp256)   0.0000s   0.0001s  40000.0  12000.0" (sign/s, verify/s).
openssl_signs=$(awk '/ecdsa \(nistp256\)/ && $NF ~ /^[0-9.]+$/ {print int($(NF-1))}' "$work/openssl.txt" | tail -1)

# --- 3. Callsign ----------------------------------------------------------------------------------
http_port=$(free_port)
tls_port=$(free_port)
log "starting Callsign on 127.0.0.1:$http_port (lab credentials, embedded PostgreSQL under $work/data)"
CALLSIGN_DATA_DIR="$work/data" CALLSIGN_LISTEN="127.0.0.1:$http_port" CALLSIGN_TLS_LISTEN="127.0.0.1:$tls_port" \
  CALLSIGN_LAB_HOST=127.0.0.1 CALLSIGN_RPC_LISTEN=off \
  java ${BENCH_JAVA_OPTS:-} -jar target/callsign.jar > "$work/callsign.log" 2>&1 &
callsign_pid=$!
for _ in $(seq 900); do
  curl -sf -o /dev/null "http://127.0.0.1:$http_port/health/ready" && break
  kill -0 "$callsign_pid" 2>/dev/null || { tail -30 "$work/callsign.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$http_port/health/ready" || { echo "Callsign not ready after 90 s" >&2; exit 1; }
provider_name=$(sed -n 's/.*ES256 provider: //p' "$work/callsign.log" | head -1)

log "provisioning subscriber 'bench' (verified), auth user bench@ims.local, number 15145559876 (verified)"
provision() { # path, JSON body: the provisioning API, open to loopback clients when no token is set
  curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$http_port$1" \
    || { echo "provisioning $1 failed" >&2; exit 1; }
}
provision /v1/subscribers/bench '{"name": "Benchmark", "verified": true, "users": ["bench@ims.local"]}'
provision /v1/numbers/15145559876 '{"subscriber": "bench", "verified": true}'

sign_body='{"from":"sip:+15145559876@ims.local;user=phone","to":"sip:+15145551234@ims.local","callId":"bench@ims.local","sourceIp":"127.0.0.1","authUser":"bench@ims.local"}'
attest=""
for _ in $(seq 50); do
  attest=$(curl -s -H 'Content-Type: application/json' -d "$sign_body" "http://127.0.0.1:$http_port/v1/sign" \
           | python3 -c 'import json,sys; print(json.load(sys.stdin).get("attest"))')
  [ "$attest" = "A" ] && break
  sleep 0.1
done
[ "$attest" = "A" ] || { echo "the provisioned number never signed with A (got '$attest')" >&2; exit 1; }

cat > "$work/callsign.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$sign_body'
LUA

run_wrk() { # label, url, script, output file
  log "wrk $1: warm-up ${WARMUP} s, then ${DURATION} s, $CONNECTIONS connections, $THREADS threads"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$3" "$2" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$3" "$2" > "$4"
  cat "$4" >&2
  if grep -q "Non-2xx" "$4"; then echo "$1 answered errors under load" >&2; exit 1; fi
}
rps() { awk '/^Requests\/sec:/ {print int($2)}' "$1"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$1"; }

run_wrk Callsign "http://127.0.0.1:$http_port/v1/sign" "$work/callsign.lua" "$work/wrk-callsign.txt"
x5u="https://127.0.0.1:$tls_port/.well-known/stir/cert.pem"
stop_process "$callsign_pid" 30
callsign_pid=""

# --- 4. secsipidx ---------------------------------------------------------------------------------
sx_port=$(free_port)
log "starting secsipidx -H 127.0.0.1:$sx_port with the same lab key"
secsipidx -H "127.0.0.1:$sx_port" -k "$work/data/lab/shaken-key.pem" -x5u "$x5u" > "$work/secsipidx.log" 2>&1 &
secsipidx_pid=$!
csv_body="15145559876,15145551234,A,,$x5u"
for _ in $(seq 50); do
  curl -s -o "$work/sx-probe.txt" -d "$csv_body" "http://127.0.0.1:$sx_port/v1/sign-csv" && break
  sleep 0.1
done
grep -q ';ppt=shaken' "$work/sx-probe.txt" || { echo "secsipidx did not sign: $(cat "$work/sx-probe.txt")" >&2; exit 1; }
cat > "$work/secsipidx.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain"
wrk.body = "$csv_body"
LUA
run_wrk secsipidx "http://127.0.0.1:$sx_port/v1/sign-csv" "$work/secsipidx.lua" "$work/wrk-secsipidx.txt"

# --- 5. summary -----------------------------------------------------------------------------------
c_rps=$(rps "$work/wrk-callsign.txt"); s_rps=$(rps "$work/wrk-secsipidx.txt")
ratio() { python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f"{a / b:.2f}" if b else "n/a")' "$1" "$2"; }
echo
echo "STI-AS benchmark, $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP} s warm-up)"
printf '%-50s %s\n' "ES256 signs/s, $provider_name (JMH)" "$provider_signs"
printf '%-50s %s\n' "ES256 signs/s, openssl speed ecdsap256" "$openssl_signs"
printf '%-50s %s\n' "ratio provider/openssl" "$(ratio "$provider_signs" "$openssl_signs")"
printf '%-50s %s req/s  p50 %s  p99 %s\n' "Callsign POST /v1/sign" "$c_rps" \
    "$(pct "$work/wrk-callsign.txt" 50)" "$(pct "$work/wrk-callsign.txt" 99)"
printf '%-50s %s req/s  p50 %s  p99 %s\n' "secsipidx POST /v1/sign-csv" "$s_rps" \
    "$(pct "$work/wrk-secsipidx.txt" 50)" "$(pct "$work/wrk-secsipidx.txt" 99)"
printf '%-50s %s\n' "ratio Callsign/secsipidx (req/s)" "$(ratio "$c_rps" "$s_rps")"
