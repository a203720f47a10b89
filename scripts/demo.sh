#!/usr/bin/env bash
# Runs Vigil's main job on the embedded broker. It starts `vigil broker` and
# the four services as separate processes and feeds them a folder of
# interchange NDJSON files. It prints each alert as it arrives, then the cases
# and a per-agent table, and stops every process it started.
#
# Usage: scripts/demo.sh [INPUT_DIR]   (default: samples)
# The folder contains roster*.ndjson, chats*.ndjson and optionally
# complaints*.ndjson and orders*.ndjson. Logs and stores go to .demo/.
#
# With VIGIL_DEMO_CONSOLE=1 (make console) it also runs the web console from
# the start, and at the end, instead of stopping, it keeps everything running
# with an HTTP intake for live messages and prints the console's address and
# sign-in tokens, until Ctrl-C.
set -euo pipefail
shopt -s nullglob
# Pipelines take their first line with `sed -n 1p`, never `head -1`,
# because head exits early and the writer before it may then die of SIGPIPE.
# Under pipefail that ends the demo with exit 141, even on a roster of a few
# kilobytes.

root=$(cd "$(dirname "$0")/.." && pwd)
input=${1:-samples}
bin=${VIGIL_BIN_DIR:-$root/.build/debug}
work=$root/.demo
timeout_seconds=${VIGIL_DEMO_TIMEOUT:-600}
console=${VIGIL_DEMO_CONSOLE:-0}
console_port=${VIGIL_CONSOLE_PORT:-8490}

[ -d "$input" ] || { echo "demo: input folder $input not found" >&2; exit 2; }
roster=("$input"/roster*.ndjson)
chats=("$input"/chats*.ndjson)
complaints=("$input"/complaints*.ndjson)
orders=("$input"/orders*.ndjson)
[ ${#roster[@]} -gt 0 ] || { echo "demo: no roster*.ndjson in $input" >&2; exit 2; }
[ ${#chats[@]} -gt 0 ] || { echo "demo: no chats*.ndjson in $input" >&2; exit 2; }
executables=(vigil vigil-ingest vigil-alerting vigil-escalation vigil-scoring)
[ "$console" = 1 ] && executables+=(vigil-console)
for executable in "${executables[@]}"; do
  [ -x "$bin/$executable" ] || { echo "demo: $bin/$executable not built; run make demo" >&2; exit 2; }
done

rm -rf "$work"
mkdir -p "$work"
pids=()

# Stops every process, the broker last, so the services can commit and
# leave their groups while it is still there.
stop_all() {
  for pid in "${pids[@]}"; do
    [ "$pid" = "${broker_pid:-}" ] || kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    [ "$pid" = "${broker_pid:-}" ] || wait "$pid" 2>/dev/null || true
  done
  if [ -n "${broker_pid:-}" ]; then
    kill -TERM "$broker_pid" 2>/dev/null || true
    wait "$broker_pid" 2>/dev/null || true
  fi
  pids=()
}
trap 'status=$?; stop_all; [ $status -eq 0 ] || echo "demo failed; logs are in $work" >&2' EXIT
# A signal ends the script through the EXIT trap, which stops what it started.
trap 'exit 130' INT
trap 'exit 143' TERM

heading() {
  printf '\n== %s ==\n' "$1"
}

# Every process runs in a session of its own (setsid), so a Ctrl-C at the
# terminal reaches only this script, whose traps stop the services first and
# the broker last. The embedded broker prints its address once its topics exist.
setsid "$bin/vigil" broker --bootstrap-file "$work/bootstrap" >"$work/broker.out" 2>"$work/broker.log" &
broker_pid=$!
pids+=($broker_pid)
for _ in $(seq 100); do
  [ -s "$work/bootstrap" ] && break
  sleep 0.1
done
[ -s "$work/bootstrap" ] || { echo "demo: the embedded broker did not start; see $work/broker.log" >&2; exit 1; }
export VIGIL_BOOTSTRAP_SERVERS
VIGIL_BOOTSTRAP_SERVERS=$(cat "$work/bootstrap")
export VIGIL_LOG_LEVEL=${VIGIL_LOG_LEVEL:-info}

heading "内嵌 Kafka（仅在内存中）已启动 · embedded broker (memory only) at $VIGIL_BOOTSTRAP_SERVERS"

# The roster goes first, so every service starts with the whole organisation.
heading "导入花名册 · importing the roster"
"$bin/vigil-ingest" --store "$work/ingest.sqlite" "${roster[@]}" 2>>"$work/ingest.log" | tee "$work/ingest-roster.out"

# Alerting applies the latest rules release on the rules topic.
heading "发布预警规则 · publishing the alert rules"
"$bin/vigil" rules push "$root/rules/default.json" --by demo 2>>"$work/rules.log"

services=(alerting escalation scoring)
service_pids=()
for service in "${services[@]}"; do
  setsid "$bin/vigil-$service" --store "$work/$service.sqlite" 2>"$work/$service.log" &
  pids+=($!)
  service_pids+=($!)
done

# The console reads the topics from the start, so its pages fill while the
# import runs. Each token is random and shown once; the file keeps digests.
if [ "$console" = 1 ]; then
  umask 077
  token_entries=()
  : >"$work/console-tokens.txt"
  # The brand manager and the first manager of each vendor in the roster.
  people=$(grep -h '"role":"brand_manager"' "${roster[@]}" | sed 's/.*"id":"\([^"]*\)".*/\1/' | sed -n 1p)
  people+=" $(grep -h '"role":"manager"' "${roster[@]}" | sed 's/.*"id":"\([^"]*\)".*"vendor":"\([^"]*\)".*/\2 \1/' \
    | sort -u -k1,1 | awk '{print $2}' | paste -sd' ')"
  for person in $people; do
    # URL-safe, so the token works typed into a form or pasted into curl -d alike.
    token=$(head -c 24 /dev/urandom | base64 | tr "+/" "-_")
    token_entries+=("$(printf '%s' "$token" | "$bin/vigil-console" hash-token --person "$person")")
    printf '%s %s\n' "$person" "$token" >>"$work/console-tokens.txt"
  done
  printf '{"people": [%s]}\n' "$(IFS=,; echo "${token_entries[*]}")" >"$work/console-tokens.json"
  umask 022
  setsid "$bin/vigil-console" --store "$work/console.sqlite" --tokens "$work/console-tokens.json" \
    --listen "127.0.0.1:$console_port" --port-file "$work/console.port" 2>"$work/console.log" &
  pids+=($!)
  service_pids+=($!)
  services+=(console)
fi

# Risk alerts as a supervisor's screen shows them; reply timeouts are
# counted in the summary instead of scrolling past.
heading "实时预警 · live alerts"
setsid "$bin/vigil" alerts watch --from-beginning --group vigil-demo-console \
  --category regulator,legal,media,complaint,escalation 2>"$work/watch.log" &
watcher=$!
pids+=($watcher)

# The import report is printed with the summary, not between the alerts.
# It runs in the background, so a signal to this script is handled at once
# and stop_all ends the import too.
"$bin/vigil-ingest" --store "$work/ingest.sqlite" "${chats[@]}" "${complaints[@]}" "${orders[@]}" \
  >"$work/ingest.out" 2>>"$work/ingest.log" &
import_pid=$!
pids+=($import_pid)
wait "$import_pid"

# Wait until every group has consumed everything, checking the services stay up.
deadline=$((SECONDS + timeout_seconds))
until "$bin/vigil" lag --wait --timeout 5 vigil-alerting vigil-escalation vigil-scoring \
    "vigil-demo-console=vigil.alerts" 2>>"$work/lag.log"; do
  for index in "${!service_pids[@]}"; do
    if ! kill -0 "${service_pids[$index]}" 2>/dev/null; then
      echo "demo: vigil-${services[$index]} stopped; the end of $work/${services[$index]}.log:" >&2
      tail -n 3 "$work/${services[$index]}.log" >&2
      [ "${services[$index]}" != console ] || echo "demo: another port for the console: VIGIL_CONSOLE_PORT=PORT make console" >&2
      exit 1
    fi
  done
  if [ $SECONDS -ge $deadline ]; then
    echo "demo: the services did not catch up within $timeout_seconds s" >&2
    exit 1
  fi
done
kill -TERM "$watcher"
wait "$watcher" || true

heading "案件 · cases"
"$bin/vigil" case list

# One regulator case handled from acknowledgement to an accepted
# rectification plan, by the people the roster names for its team and site.
regulator_case=$("$bin/vigil" case list --state escalated_regulator --lang en | awk '$1 ~ /^case-/ && !found {print $1; found = 1}')
if [ -n "$regulator_case" ]; then
  heading "处理一个监管投诉案件 · handling a regulator case: $regulator_case"
  scope=$("$bin/vigil" case show "$regulator_case" --lang en | sed -n 's/^Team \/ site \/ vendor: //p')
  team=${scope%% / *}
  site=$(echo "$scope" | awk -F' / ' '{print $2}')
  roster_id() { { grep -h "\"role\":\"$1\"" "${roster[@]}" | grep "\"$2\":\"$3\"" | sed -n 1p | sed 's/.*"id":"\([^"]*\)".*/\1/'; } || true; }
  supervisor=$(roster_id supervisor team "$team")
  manager=$(roster_id manager site "$site")
  # Commands take effect at the next round of watermarks after their time.
  # Nothing writes one after a batch import, so `vigil clock` declares the
  # time of the last command once they are all sent.
  case_cmd() { "$bin/vigil" case "$@" 2>>"$work/case.log" || true; }
  case_cmd ack "$regulator_case" --actor "${supervisor:-B-001}" --at 2026-11-15T09:00+08:00
  case_cmd classify "$regulator_case" --actor "${supervisor:-B-001}" --cause slow-response --at 2026-11-15T09:05+08:00
  case_cmd classify "$regulator_case" --actor "${manager:-B-001}" --cause slow-response --at 2026-11-15T09:10+08:00
  case_cmd review "$regulator_case" --actor "${manager:-B-001}" --note "顾客多次催促未获及时回复，转而投诉" \
    --step "顾客首次反映问题后等待超过 3 分钟" --step "客服未按流程安抚并登记" \
    --training "回复时效培训" --at 2026-11-15T09:20+08:00
  case_cmd rectify "$regulator_case" --actor "${manager:-B-001}" --plan "全组复训投诉处理流程，主管每日抽检 20 个会话" \
    --due 2026-11-30T18:00+08:00 --at 2026-11-15T10:00+08:00
  case_cmd accept-plan "$regulator_case" --actor B-001 --at 2026-11-15T11:00+08:00
  "$bin/vigil" clock --to 2026-11-15T11:00+08:00
  "$bin/vigil" lag --wait --timeout 60 vigil-alerting vigil-escalation 2>>"$work/lag.log" || true
  "$bin/vigil" case show "$regulator_case"
fi

# The reports below read the case and score topics, so wait until the
# commands above have reached them.
"$bin/vigil" lag --wait --timeout 60 vigil-escalation vigil-scoring 2>>"$work/lag.log" || true

heading "升级与问责报表 · escalation report"
"$bin/vigil" report escalations --period month

# The sample data and ../shared/data fall on 11 November 2026, inside the
# built-in scorecard's Double 11 window.
heading "外包商考核 · vendor scores, 2026-11-11"
"$bin/vigil" report scores --period day --at 2026-11-11T12:00+08:00 --by vendor

heading "双11 班组排行与奖励 · Double 11 team leaderboards"
"$bin/vigil" report scores --period campaign --campaign 2026-double11 --by team

"$bin/vigil" report scores --period day --at 2026-11-11T12:00+08:00 --by agent --format html \
  --output "$work/scores.html"
echo "考核报表（HTML，可离线打开）· score report page: $work/scores.html"

# An audit replay runs alerting again in its own store and consumer group,
# publishes nothing, and compares its alerts with the live ones. It exits 1,
# which ends the demo, when any alert differs.
heading "审计回放：预警服务，2026-11-11 · audit replay of alerting"
"$bin/vigil" replay alerting --from 2026-11-11T00:00+08:00 --to 2026-11-12T00:00+08:00 2>>"$work/replay.log"

heading "死信 · dead letters"
"$bin/vigil" dead-letters

heading "汇总 · summary"
cat "$work/ingest-roster.out" "$work/ingest.out"
"$bin/vigil" summary

if [ "$console" = 1 ]; then
  # A live intake for the brand, so a message posted now appears on the console.
  (umask 077; head -c 24 /dev/urandom | base64 >"$work/intake.token")
  "$bin/vigil-ingest" hash-token --site '*' --name "演示实时接入" <"$work/intake.token" >"$work/intake.entry"
  printf '{"tokens": [%s]}\n' "$(cat "$work/intake.entry")" >"$work/intake-tokens.json"
  setsid "$bin/vigil-ingest" serve --store "$work/intake.sqlite" --tokens "$work/intake-tokens.json" \
    --listen 127.0.0.1:0 --port-file "$work/intake.port" 2>"$work/intake.log" &
  pids+=($!)
  for _ in $(seq 100); do
    [ -s "$work/intake.port" ] && [ -s "$work/console.port" ] && break
    sleep 0.1
  done
  heading "网页控制台 · web console: http://127.0.0.1:$(cat "$work/console.port")/"
  echo "登录令牌（只显示这一次；文件里只存摘要）· sign-in tokens (shown once; the file keeps digests):"
  while read -r person token; do
    name=$(grep -h "\"id\":\"$person\"" "${roster[@]}" | sed 's/.*"name":"\([^"]*\)".*/\1/' | sed -n 1p)
    printf '  %-8s %-24s %s\n' "$person" "$name" "$token"
  done <"$work/console-tokens.txt"
  site=$(grep -h '"role":"agent"' "${roster[@]}" | sed -n 1p | sed 's/.*"site":"\([^"]*\)".*/\1/')
  agent=$(grep -h '"role":"agent"' "${roster[@]}" | sed -n 1p | sed 's/.*"id":"\([^"]*\)".*/\1/')
  cat <<EXAMPLE

实时发一条消息，几秒内出现在"实时预警"页 · post a live message; it shows on the live alerts page within seconds:
  curl -s -H "Authorization: Bearer \$(cat $work/intake.token)" -H "Content-Type: application/x-ndjson" \\
    --data-binary '{"messageId":"live-'\$RANDOM'","site":"$site","shop":"shop-live","conversationId":"live-1","buyer":"buyer-live","agent":"$agent","role":"customer","text":"再不处理我就打12315投诉你们","sentAt":"'\$(date +%Y-%m-%dT%H:%M:%S%:z)'"}' \\
    http://127.0.0.1:$(cat "$work/intake.port")/v1/messages

按 Ctrl-C 停止全部进程 · Ctrl-C stops every process.
EXAMPLE
  # `wait` returns as soon as Ctrl-C (or SIGTERM) arrives; stop_all then
  # stops the services and the broker in order.
  stopping=
  trap 'stopping=1' INT TERM
  while [ -z "$stopping" ]; do
    sleep 2 &
    wait $! || true
    [ -z "$stopping" ] || break
    for index in "${!service_pids[@]}"; do
      if ! kill -0 "${service_pids[$index]}" 2>/dev/null; then
        echo "demo: vigil-${services[$index]} stopped; the end of $work/${services[$index]}.log:" >&2
      tail -n 3 "$work/${services[$index]}.log" >&2
        exit 1
      fi
    done
  done
  stop_all
  printf '\n已停止，日志和数据库在 %s · stopped; logs and stores are in %s\n' "$work" "$work"
  exit 0
fi

# Graceful shutdown: each service finishes its batch and exits 0.
for index in "${!service_pids[@]}"; do
  kill -TERM "${service_pids[$index]}"
done
for index in "${!service_pids[@]}"; do
  if ! wait "${service_pids[$index]}"; then
    echo "demo: vigil-${services[$index]} did not stop cleanly; see $work/${services[$index]}.log" >&2
    exit 1
  fi
done
stop_all
printf '\n演示结束，日志和数据库在 %s · demo finished; logs and stores are in %s\n' "$work" "$work"
