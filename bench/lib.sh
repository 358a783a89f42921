# Shared by bench/sign.sh and bench/verify.sh (sourced, not run): the processes they start and stop,
# the Callsign under test, raw ES256 figures and wrk runs. Everything listens on 127.0.0.1, every
# step has a bounded duration, and every process started here is stopped on exit.
#
# The caller sets DURATION, CONNECTIONS, THREADS and WARMUP before calling run_wrk.

work=$(mktemp -d -t callsign-bench-XXXXXX)
callsign_pid=""
secsipidx_pid=""

log() { echo "== $*" >&2; }

require_tools() { # tool...
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$(basename "$0"): '$tool' is not installed" >&2; exit 1; }
  done
}

stop_process() { # pid, seconds to wait before SIGKILL
  local pid=$1 grace=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((grace * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

bench_cleanup() {
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
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

build_if_needed() {
  local newest_source
  newest_source=$(find src pom.xml db -type f -newer target/callsign.jar 2>/dev/null | head -1 || true)
  if [ ! -f target/callsign.jar ] || [ ! -f target/bench-classpath.txt ] || [ -n "$newest_source" ]; then
    log "building (mvn package, test classes, bench class path)"
    mvn -B -q -o -DskipTests package dependency:build-classpath >&2 \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
  fi
}

jmh_es256() { # sign|verify: prints operations per second of Es256Benchmark.<method> on the provider Callsign picks
  log "JMH: Es256Benchmark.$1 on the provider Callsign picks (AUTO), 3 x 3 s after 2 x 2 s warm-up"
  # jmh.ignoreLock: JMH's lock file is per machine, and another user's run must not stop this one.
  java -Djmh.ignoreLock=true -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
      "io.callsign.passport.bench.Es256Benchmark.$1\$" -p provider=AUTO -f 1 -wi 2 -w 2s -i 3 -r 3s \
      -rf json -rff "$work/jmh-$1.json" > "$work/jmh-$1.txt" 2>&1 || { cat "$work/jmh-$1.txt" >&2; exit 1; }
  python3 -c 'import json,sys; print(round(json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"]))' "$work/jmh-$1.json"
}

openssl_es256() { # sign|verify: prints what `openssl speed ecdsap256` gives per second
  log "openssl speed -seconds 3 ecdsap256"
  openssl speed -seconds 3 ecdsap256 > "$work/openssl.txt" 2>/dev/null
  # The result line: " 256 bits ecdsa (nistp256)   0.0000s   0.0001s  40000.0  12000.0" (sign/s, verify/s).
  local column; column=$([ "$1" = sign ] && echo 'NF-1' || echo 'NF')
  awk "/ecdsa \\(nistp256\\)/ && \$NF ~ /^[0-9.]+\$/ {print int(\$($column))}" "$work/openssl.txt" | tail -1
}

start_callsign() { # extra VAR=value settings...: lab credentials, embedded PostgreSQL under $work/data
  http_port=$(free_port)
  tls_port=$(free_port)
  log "starting Callsign on 127.0.0.1:$http_port (lab credentials, embedded PostgreSQL under $work/data) $*"
  env CALLSIGN_DATA_DIR="$work/data" CALLSIGN_LISTEN="127.0.0.1:$http_port" CALLSIGN_TLS_LISTEN="127.0.0.1:$tls_port" \
      CALLSIGN_LAB_HOST=127.0.0.1 CALLSIGN_RPC_LISTEN=off "$@" \
      java ${BENCH_JAVA_OPTS:-} -jar target/callsign.jar > "$work/callsign.log" 2>&1 &
  callsign_pid=$!
  for _ in $(seq 900); do
    curl -sf -o /dev/null "http://127.0.0.1:$http_port/health/ready" && break
    kill -0 "$callsign_pid" 2>/dev/null || { tail -30 "$work/callsign.log" >&2; exit 1; }
    sleep 0.1
  done
  curl -sf -o /dev/null "http://127.0.0.1:$http_port/health/ready" || { echo "Callsign not ready after 90 s" >&2; exit 1; }
  provider_name=$(sed -n 's/.*ES256 provider: //p' "$work/callsign.log" | head -1)
}

# The one sign request of the benchmarks: subscriber 'bench' calling from its own number.
sign_body='{"from":"sip:+15145559876@ims.local;user=phone","to":"sip:+15145551234@ims.local","callId":"bench@ims.local","sourceIp":"127.0.0.1","authUser":"bench@ims.local"}'

provision_bench_number() { # then waits until /v1/sign gives attestation A
  log "provisioning subscriber 'bench' (verified), auth user bench@ims.local, number 15145559876 (verified)"
  local path body
  for path in /v1/subscribers/bench /v1/numbers/15145559876; do
    case $path in
      */subscribers/*) body='{"name": "Benchmark", "verified": true, "users": ["bench@ims.local"]}' ;;
      *) body='{"subscriber": "bench", "verified": true}' ;;
    esac
    # The provisioning API is open to loopback clients when no token is set.
    curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$http_port$path" \
      || { echo "provisioning $path failed" >&2; exit 1; }
  done
  local attest=""
  for _ in $(seq 50); do
    attest=$(curl -s -H 'Content-Type: application/json' -d "$sign_body" "http://127.0.0.1:$http_port/v1/sign" \
             | python3 -c 'import json,sys; print(json.load(sys.stdin).get("attest"))')
    [ "$attest" = "A" ] && return 0
    sleep 0.1
  done
  echo "the provisioned number never signed with A (got '$attest')" >&2
  exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of a process, in clock ticks

# label, url, output file, server pid, content type, warm-up bodies file, measured bodies file, hook run
# between warm-up and measurement. bench/bodies.lua POSTs the file's lines in turn.
run_wrk() {
  log "wrk $1: warm-up ${WARMUP} s, then ${DURATION} s, $CONNECTIONS connections, $THREADS threads"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/bodies.lua "$2" -- "$6" "$5" > /dev/null
  $8
  local before; before=$(cpu_ticks "$4")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/bodies.lua "$2" -- "$7" "$5" > "$3"
  local after; after=$(cpu_ticks "$4")
  local requests; requests=$(awk '/ requests in / {print $1}' "$3")
  # Server CPU time per request varies less with the other load on the machine than req/s does.
  echo "$(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))" > "$3.cpu"
  cat "$3" >&2
  if grep -q "Non-2xx" "$3"; then echo "$1 answered errors under load" >&2; exit 1; fi
}

rps() { awk '/^Requests\/sec:/ {print int($2)}' "$1"; }
pct() { awk -v p="$2%" '$1 == p {print $2}' "$1"; }
ratio() { python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f"{a / b:.2f}" if b else "n/a")' "$1" "$2"; }

summary_line() { # label, wrk output file
  printf '%-50s %s req/s  p50 %s  p99 %s\n' "$1" "$(rps "$2")" "$(pct "$2" 50)" "$(pct "$2" 99)"
}
