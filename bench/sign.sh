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
# BENCH_THREADS (2), BENCH_WARMUP (wrk warm-up seconds, default 20: the JIT needs tens of thousands
# of requests before the call path runs compiled code), BENCH_JAVA_OPTS (extra JVM options for
# Callsign, e.g. a GC or a flight recording; default none).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-20}

source bench/lib.sh
require_tools java mvn openssl wrk secsipidx python3 curl

# --- 1. build and raw ES256 -----------------------------------------------------------------------
build_if_needed
provider_signs=$(jmh_es256 sign)
openssl_signs=$(openssl_es256 sign)

# --- 2. Callsign ----------------------------------------------------------------------------------
start_callsign
provision_bench_number
echo "$sign_body" > "$work/sign-body.json"
run_wrk Callsign "http://127.0.0.1:$http_port/v1/sign" "$work/wrk-callsign.txt" "$callsign_pid" \
    application/json "$work/sign-body.json" "$work/sign-body.json" true
x5u="https://127.0.0.1:$tls_port/.well-known/stir/cert.pem"
stop_process "$callsign_pid" 30
callsign_pid=""

# --- 3. secsipidx ---------------------------------------------------------------------------------
sx_port=$(free_port)
log "starting secsipidx -H 127.0.0.1:$sx_port with the same lab key"
secsipidx -H "127.0.0.1:$sx_port" -k "$work/data/lab/shaken-key.pem" -x5u "$x5u" > "$work/secsipidx.log" 2>&1 &
secsipidx_pid=$!
echo "15145559876,15145551234,A,,$x5u" > "$work/csv-body.txt"
for _ in $(seq 50); do
  curl -s -o "$work/sx-probe.txt" --data-binary @"$work/csv-body.txt" "http://127.0.0.1:$sx_port/v1/sign-csv" && break
  sleep 0.1
done
grep -q ';ppt=shaken' "$work/sx-probe.txt" || { echo "secsipidx did not sign: $(cat "$work/sx-probe.txt")" >&2; exit 1; }
run_wrk secsipidx "http://127.0.0.1:$sx_port/v1/sign-csv" "$work/wrk-secsipidx.txt" "$secsipidx_pid" \
    text/plain "$work/csv-body.txt" "$work/csv-body.txt" true

# --- 4. summary -----------------------------------------------------------------------------------
echo
echo "STI-AS benchmark, $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP} s warm-up)"
printf '%-50s %s\n' "ES256 signs/s, $provider_name (JMH)" "$provider_signs"
printf '%-50s %s\n' "ES256 signs/s, openssl speed ecdsap256" "$openssl_signs"
printf '%-50s %s\n' "ratio provider/openssl" "$(ratio "$provider_signs" "$openssl_signs")"
summary_line "Callsign POST /v1/sign" "$work/wrk-callsign.txt"
summary_line "secsipidx POST /v1/sign-csv" "$work/wrk-secsipidx.txt"
printf '%-50s %s\n' "ratio Callsign/secsipidx (req/s)" "$(ratio "$(rps "$work/wrk-callsign.txt")" "$(rps "$work/wrk-secsipidx.txt")")"
printf '%-50s %s us / %s us\n' "server CPU per request, Callsign / secsipidx" \
    "$(cat "$work/wrk-callsign.txt.cpu")" "$(cat "$work/wrk-secsipidx.txt.cpu")"
