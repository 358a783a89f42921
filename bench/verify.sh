#!/usr/bin/env bash
# STI-VS throughput on this machine, in one command:
#   1. raw ES256 verifies/s on the provider Callsign picks (JMH, Es256Benchmark.verify) and `openssl speed`;
#   2. Callsign's POST /v1/verify under wrk, certificate cache warm (lab credentials, embedded
#      PostgreSQL, the verifier fetching the lab x5u from Callsign's own HTTPS listener once);
#   3. secsipidx's POST /v1/check (-fpubkey: the lab leaf, no fetch) under the same load;
#   4. a summary table.
# Everything listens on 127.0.0.1, every step has a bounded duration, and every process started here
# is stopped on exit. Needs a JDK 17, Maven (offline is fine), openssl, wrk, secsipidx, curl and python3.
#
# Settings (environment): BENCH_DURATION (wrk seconds, default 20), BENCH_CONNECTIONS (8),
# BENCH_THREADS (2), BENCH_WARMUP (wrk warm-up seconds, default 20: see "Warm-up" below), BENCH_TOKENS
# (distinct signed Identity headers per batch, default 1000), BENCH_JAVA_OPTS (extra JVM options for
# Callsign, e.g. a GC or a flight recording; default none).
#
# What is measured, and why this way:
# - Distinct PASSporTs. A verifier does not see one token thousands of times, and one token would
#   let caches (CPU, branch predictors, the replay table) look better than they are. So BENCH_TOKENS
#   Identity headers are signed through /v1/sign (attestation A, each with a fresh origid and
#   signature) and bench/bodies.lua rotates through them.
# - Replay detection (VER-20) stays on, as in production (CALLSIGN_REPLAY=flag). Each token is sent
#   with the Call-ID it was signed for, every time: the same PASSporT under the same Call-ID is a
#   request re-sent after a 407, not a replay, so every answer is the normal verdict
#   (TN-Validation-Passed, replay false). A token under another Call-ID would be flagged (verdict kept,
#   replay true) or, with CALLSIGN_REPLAY=reject, failed with 438 - neither is the normal path. Each
#   request still does all the work of a first verification (header parse, strict PASSporT decode,
#   numbers, Date and iat, cached credential, one ECDSA verification, response); the only
#   difference is that the replay table finds the token's entry instead of inserting it. The run is
#   checked afterwards through /metrics: every verdict passed, no replay, one x5u fetch (all hits).
# - Freshness (VER-05/06). Tokens must stay within CALLSIGN_IAT_MAX_AGE (60 s by default) of the
#   verifier's clock. Callsign's warm-up and measured runs each get their own batch, signed just
#   before, so the default window holds while BENCH_WARMUP and BENCH_DURATION are at most 40 s;
#   longer runs widen CALLSIGN_IAT_MAX_AGE and the summary says so. The measured batch is also new
#   to the verifier: its first pass inserts into the replay table, as live traffic does. secsipidx's
#   two batches are signed before Callsign stops, so its -expire covers the warm-up and the run; it
#   only compares iat with the clock, so the value costs nothing.
# - Warm-up. The JIT needs several tens of thousands of requests before the verify path runs compiled
#   code; a run that starts earlier measures the compiler. The summary also gives the server's CPU
#   time per request (from /proc), which is less sensitive than req/s to the other load on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-20}
TOKENS=${BENCH_TOKENS:-1000}

source bench/lib.sh
require_tools java mvn openssl wrk secsipidx python3 curl

# Each batch must outlive its own signing (a few seconds) and run; 60 s is the default window.
max_age=60
longest=$((WARMUP > DURATION ? WARMUP : DURATION))
[ $((longest + 20)) -gt "$max_age" ] && max_age=$((longest + 20))
sx_expire=$((WARMUP + DURATION + 60))

# --- 1. build and raw ES256 -----------------------------------------------------------------------
build_if_needed
provider_verifies=$(jmh_es256 verify)
openssl_verifies=$(openssl_es256 verify)

# --- 2. Callsign ----------------------------------------------------------------------------------
start_callsign CALLSIGN_IAT_MAX_AGE="$max_age"
provision_bench_number

sign_tokens() { # count, output file, form: "verify" (a /v1/verify body per line) or "identity" (the header value)
  python3 - "$http_port" "$1" "$2" "$3" <<'PY'
import http.client, json, sys
port, count, out, form = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
with open(out, "w") as lines:
    for i in range(count):
        call_id = f"bench-{out.rsplit('/', 1)[-1].split('.')[0]}-{i}@ims.local"
        conn.request("POST", "/v1/sign", json.dumps({
            "from": "sip:+15145559876@ims.local;user=phone", "to": "sip:+15145551234@ims.local",
            "callId": call_id, "sourceIp": "127.0.0.1", "authUser": "bench@ims.local"}),
            {"Content-Type": "application/json"})
        answer = conn.getresponse()
        signed = json.loads(answer.read())
        if answer.status != 200 or signed.get("attest") != "A":
            sys.exit(f"/v1/sign {i}: {answer.status} {signed}")
        if form == "identity":  # secsipidx's /v1/check body
            lines.write(signed["identity"] + "\n")
            continue
        # What a proxy sends for the INVITE: raw From/PAI/To, the Date the signer added, the Call-ID.
        lines.write(json.dumps({
            "identity": [signed["identity"]],
            "from": f"\"Bench\" <sip:+15145559876@ims.local;user=phone>;tag={i:08x}",
            "pai": "<sip:+15145559876@ims.local;user=phone>",
            "to": "<sip:+15145551234@ims.local>",
            "date": signed["headers"]["Date"],
            "callId": call_id}, separators=(",", ":")) + "\n")
PY
}

log "signing $TOKENS Identity headers for the warm-up"
sign_tokens "$TOKENS" "$work/warmup-bodies.txt" verify

log "warming the certificate cache: one POST /v1/verify (fetches the x5u from 127.0.0.1:$tls_port)"
head -1 "$work/warmup-bodies.txt" > "$work/probe.json"
curl -s -H 'Content-Type: application/json' --data-binary @"$work/probe.json" \
    "http://127.0.0.1:$http_port/v1/verify" > "$work/probe-answer.json"
python3 - "$work/probe-answer.json" <<'PY' || exit 1
import json, sys
answer = json.load(open(sys.argv[1]))
if answer.get("verstat") != "TN-Validation-Passed" or answer.get("attest") != "A" or answer.get("replay"):
    sys.exit(f"the warm-up verification did not pass: {answer.get('verstat')}: {answer.get('detail')}")
PY

log "signing $TOKENS Identity headers for the warm-up"
sign_tokens "$TOKENS" "$work/warmup-bodies.txt" verify

log "warming the certificate cache: one POST /v1/verify (fetches the x5u from 127.0.0.1:$tls_port)"
head -1 "$work/warmup-bodies.txt" > "$work/probe.json"
curl -s -H 'Content-Type: application/json' --data-binary @"$work/probe.json" \
    "http://127.0.0.1:$http_port/v1/verify" > "$work/probe-answer.json"
python3 - "$work/probe-answer.json" <<'PY' || exit 1
import json, sys
answer = json.load(open(sys.argv[1]))
if answer.get("verstat") != "TN-Validation-Passed" or answer.get("attest") != "A" or answer.get("replay"):
    sys.exit(f"the warm-up verification did not pass: {answer.get('verstat')}: {answer.get('detail')}")
PY

sign_measured() {
  log "signing $TOKENS fresh Identity headers for the measured run"
  sign_tokens "$TOKENS" "$work/measured-bodies.txt" verify
}
run_wrk Callsign "http://127.0.0.1:$http_port/v1/verify" "$work/wrk-callsign.txt" "$callsign_pid" \
    application/json "$work/warmup-bodies.txt" "$work/measured-bodies.txt" sign_measured

# /v1/verify answers 200 for failed verdicts too, so the verdicts are checked on the server's counters.
curl -sf "http://127.0.0.1:$http_port/metrics" > "$work/metrics.txt"
python3 - "$work/metrics.txt" <<'PY' || exit 1
import re, sys
values = {}
for line in open(sys.argv[1]):
    m = re.match(r'^(callsign_(?:verify_total|verify_replays_total|x5u_fetches)(?:\{[^}]*\})?) ([0-9.eE+-]+)$', line)
    if m:
        values[m.group(1)] = float(m.group(2))
passed = values.get('callsign_verify_total{verstat="TN-Validation-Passed",reason="verified"}', 0)
other = sum(v for k, v in values.items() if k.startswith("callsign_verify_total{") and 'reason="verified"' not in k)
replays, fetches = values.get("callsign_verify_replays_total", 0), values.get("callsign_x5u_fetches", 0)
if other or replays or fetches != 1 or passed < 1:
    sys.exit(f"the verify run was not all warm, passed and replay-free: passed {passed:.0f}, other verdicts "
             f"{other:.0f}, replays {replays:.0f}, x5u fetches {fetches:.0f}")
print(f"== server counters: {passed:.0f} verdicts passed, 0 other, 0 replays, 1 x5u fetch", file=sys.stderr)
PY

# secsipidx gets its own tokens, two batches like Callsign (its -expire is judged from iat too).
log "signing 2 x $TOKENS Identity headers for the secsipidx run"
sign_tokens "$TOKENS" "$work/check-warmup.txt" identity
sign_tokens "$TOKENS" "$work/check-measured.txt" identity
cp "$work/data/lab/shaken.pem" "$work/shaken.pem"
stop_process "$callsign_pid" 30
callsign_pid=""

# --- 3. secsipidx ---------------------------------------------------------------------------------
sx_port=$(free_port)
log "starting secsipidx -H 127.0.0.1:$sx_port -fpubkey (the lab leaf certificate) -expire $sx_expire"
secsipidx -H "127.0.0.1:$sx_port" -fpubkey "$work/shaken.pem" -expire "$sx_expire" > "$work/secsipidx.log" 2>&1 &
secsipidx_pid=$!
head -1 "$work/check-warmup.txt" | tr -d '\n' > "$work/sx-probe-body.txt"
for _ in $(seq 50); do
  curl -s -o "$work/sx-probe.txt" --data-binary @"$work/sx-probe-body.txt" "http://127.0.0.1:$sx_port/v1/check" && break
  sleep 0.1
done
grep -q '^OK' "$work/sx-probe.txt" || { echo "secsipidx did not verify: $(cat "$work/sx-probe.txt")" >&2; exit 1; }
# secsipidx answers 500 for a failed check, so wrk's Non-2xx count catches any failure.
run_wrk secsipidx "http://127.0.0.1:$sx_port/v1/check" "$work/wrk-secsipidx.txt" "$secsipidx_pid" \
    text/plain "$work/check-warmup.txt" "$work/check-measured.txt" true

# --- 4. summary -----------------------------------------------------------------------------------
echo
echo "STI-VS benchmark, $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP} s warm-up), $TOKENS distinct tokens"
if [ "$max_age" -ne 60 ]; then echo "freshness window widened to CALLSIGN_IAT_MAX_AGE=$max_age s to cover the runs"; fi
printf '%-50s %s\n' "ES256 verifies/s, $provider_name (JMH)" "$provider_verifies"
printf '%-50s %s\n' "ES256 verifies/s, openssl speed ecdsap256" "$openssl_verifies"
printf '%-50s %s\n' "ratio provider/openssl" "$(ratio "$provider_verifies" "$openssl_verifies")"
summary_line "Callsign POST /v1/verify (warm cache)" "$work/wrk-callsign.txt"
summary_line "secsipidx POST /v1/check (-fpubkey)" "$work/wrk-secsipidx.txt"
printf '%-50s %s\n' "ratio Callsign/secsipidx (req/s)" "$(ratio "$(rps "$work/wrk-callsign.txt")" "$(rps "$work/wrk-secsipidx.txt")")"
printf '%-50s %s us / %s us\n' "server CPU per request, Callsign / secsipidx" \
    "$(cat "$work/wrk-callsign.txt.cpu")" "$(cat "$work/wrk-secsipidx.txt.cpu")"
