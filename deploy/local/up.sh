#!/usr/bin/env bash
# Starts Seismic on this machine as it runs in production: a private RabbitMQ broker and the five workers
# (ingest, beamformer, classifier, trainer, reporter), each its own process, all under one run folder:
#
#   RUN_DIR/seismic.env       the workers' environment: broker URI with this run's own user and password,
#                             message-data folder, settings file (mode 600; source it to talk to the broker)
#   RUN_DIR/broker.env        where the broker is (port, data folder, node name), for down.sh
#   RUN_DIR/rabbitmq/         the broker's data and logs (kept across restarts: queued messages survive)
#   RUN_DIR/logs/<instance>.log RUN_DIR/pids/<instance>.pid    RUN_DIR/message-data/ (the claim-check store)
#
# Run it again on the same RUN_DIR to start what is not running: a worker that died (its log is appended to),
# more instances of a stage, or the broker after it stopped (same account, same queues). What runs is left alone.
# deploy/local/down.sh stops exactly what this started. Builds the workers (Release) when they are not built.
#
# Usage: deploy/local/up.sh [RUN_DIR] [WORKER=COUNT ...]
#   RUN_DIR        default: $SEISMIC_RUN_DIR, else run/local in the repository
#   WORKER=COUNT   instances of a worker (default 1 each); more than one compete for the stage's queue:
#                  deploy/local/up.sh run/local classifier=2   (instances are named classifier, classifier-2, ...)
# Environment (optional):
#   SEISMIC_LOCAL_AMQP_PORT   the broker's AMQP port on 127.0.0.1 (default 35800; the tests' broker uses 35672)
#   SEISMIC_CONFIG            the settings file the workers read (default config/seismic.yaml of the repository)
#   SEISMIC_UP_TIMEOUT        seconds to wait for every started worker to report healthy (default 120)
#   SEISMIC_LOCAL_HTTP_PORT   first of the workers' HTTP ports on 127.0.0.1 (/health, /health/live, /metrics), one each
#                             in the order above (default 35810: ingest 35810 ... reporter 35814; a second instance
#                             10 above its first: classifier-2 35822); 0: each takes a free port (its log says which)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORKERS=(ingest beamformer classifier trainer reporter)

log() { printf 'up: %s\n' "$*"; }
die() { printf 'up: ERROR: %s\n' "$*" >&2; exit 1; }

RUN_ARG="${SEISMIC_RUN_DIR:-${REPO_ROOT}/run/local}"
if [[ $# -gt 0 && "$1" != *=* ]]; then RUN_ARG="$1"; shift; fi
declare -A COUNT=()
for worker in "${WORKERS[@]}"; do COUNT[${worker}]=1; done
for scale in "$@"; do
    name="${scale%%=*}" count="${scale#*=}"
    [[ -n "${COUNT[${name}]+set}" ]] || die "unknown worker '${name}' in '${scale}' (workers: ${WORKERS[*]})"
    [[ "${count}" =~ ^[1-9][0-9]?$ ]] || die "'${scale}': the count must be a number from 1 to 99"
    COUNT[${name}]="${count}"
done

RUN_DIR="$(mkdir -p "${RUN_ARG}" && cd "${RUN_ARG}" && pwd)"
CONFIG="$(realpath "${SEISMIC_CONFIG:-${REPO_ROOT}/config/seismic.yaml}")"
TIMEOUT="${SEISMIC_UP_TIMEOUT:-120}"

dll_of() { printf '%s/services/%s/bin/Release/net10.0/Seismic.%s.dll' "${REPO_ROOT}" "$1" "${1^}"; }
# classifier-2 -> classifier
worker_of() { printf '%s' "${1%-[0-9]*}"; }
# The pid in the instance's pid file when that process still runs this worker's program; empty otherwise.
running_pid() {
    local pidfile="${RUN_DIR}/pids/$1.pid" pid worker
    worker="$(worker_of "$1")"
    [[ -s "${pidfile}" ]] || return 0
    pid="$(tr -dc '0-9' < "${pidfile}")"
    if [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null \
        && tr '\0' ' ' < "/proc/${pid}/cmdline" 2>/dev/null | grep -q -F "Seismic.${worker^}.dll"; then
        printf '%s' "${pid}"
    fi
}

[[ -f "${CONFIG}" ]] || die "settings file ${CONFIG} not found (SEISMIC_CONFIG)"
for worker in "${WORKERS[@]}"; do
    if [[ ! -f "$(dll_of "${worker}")" ]]; then
        log "workers not built: dotnet build -c Release"
        dotnet build "${REPO_ROOT}/Seismic.sln" -c Release -nologo -v quiet >/dev/null || die "the build failed (run ./build.sh build to see why)"
        break
    fi
done
mkdir -p "${RUN_DIR}/logs" "${RUN_DIR}/pids" "${RUN_DIR}/message-data"

# The broker: the port of an earlier start of this RUN_DIR wins (its data and account live there).
if [[ ! -f "${RUN_DIR}/broker.env" ]]; then
    PORT="${SEISMIC_LOCAL_AMQP_PORT:-35800}"
    cat > "${RUN_DIR}/broker.env" <<ENV
export SEISMIC_RABBITMQ_PORT=${PORT}
export SEISMIC_RABBITMQ_STATE_DIR=${RUN_DIR}/rabbitmq
export SEISMIC_RABBITMQ_NODENAME=seismic-local-${PORT}@localhost
# A deployment's broker keeps its queues and messages when it restarts.
export SEISMIC_RABBITMQ_KEEP_DATA=1
ENV
fi
# shellcheck disable=SC1091
source "${RUN_DIR}/broker.env"
PORT="${SEISMIC_RABBITMQ_PORT}"
BROKER_WAS_RUNNING=0
"${REPO_ROOT}/scripts/rabbitmq.sh" status >/dev/null 2>&1 && BROKER_WAS_RUNNING=1
"${REPO_ROOT}/scripts/rabbitmq.sh" start >/dev/null

# This run's own account (the password of an earlier start is kept, so running workers stay connected);
# the broker's default guest account is removed.
if [[ -f "${RUN_DIR}/seismic.env" ]]; then
    PASSWORD="$(sed -n 's|^export Seismic__Bus__RabbitMq__Uri=amqp://seismic:\([^@]*\)@.*|\1|p' "${RUN_DIR}/seismic.env")"
fi
PASSWORD="${PASSWORD:-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)}"
"${REPO_ROOT}/scripts/rabbitmq.sh" ctl add_user seismic "${PASSWORD}" >/dev/null 2>&1 \
    || "${REPO_ROOT}/scripts/rabbitmq.sh" ctl change_password seismic "${PASSWORD}" >/dev/null
"${REPO_ROOT}/scripts/rabbitmq.sh" ctl set_permissions -p / seismic '.*' '.*' '.*' >/dev/null
"${REPO_ROOT}/scripts/rabbitmq.sh" ctl delete_user guest >/dev/null 2>&1 || true

umask 077
cat > "${RUN_DIR}/seismic.env" <<ENV
export Seismic__Bus__Transport=RabbitMq
export Seismic__Bus__RabbitMq__Uri=amqp://seismic:${PASSWORD}@127.0.0.1:${PORT}/
export Seismic__Bus__MessageDataPath=${RUN_DIR}/message-data
export Seismic__ConfigFile=${CONFIG}
export DOTNET_ENVIRONMENT=Production
ENV
umask 022

# The instances to run, and which of them this call starts (with the log line each started from).
declare -A FROM_LINE=()
STARTED=()
HTTP_BASE="${SEISMIC_LOCAL_HTTP_PORT:-35810}"
for index in "${!WORKERS[@]}"; do
    worker="${WORKERS[${index}]}"
    for ((i = 1; i <= COUNT[${worker}]; i++)); do
        instance="${worker}"; (( i > 1 )) && instance="${worker}-${i}"
        if [[ -n "$(running_pid "${instance}")" ]]; then
            log "${instance} already runs (pid $(running_pid "${instance}"))"
            continue
        fi
        logfile="${RUN_DIR}/logs/${instance}.log"
        FROM_LINE[${instance}]=$(( $( (cat "${logfile}" 2>/dev/null || true) | wc -l) + 1 ))
        (
            # shellcheck disable=SC1091
            source "${RUN_DIR}/seismic.env"
            cd "${RUN_DIR}"
            http_port=0
            (( HTTP_BASE > 0 )) && http_port=$(( HTTP_BASE + index + 10 * (i - 1) ))
            URLS="http://127.0.0.1:${http_port}" setsid nohup dotnet "$(dll_of "${worker}")" >>"${logfile}" 2>&1 </dev/null &
            echo $! > "${RUN_DIR}/pids/${instance}.pid"
        )
        STARTED+=("${instance}")
    done
done

# Healthy: each started worker logs "Service is healthy" once its bus is connected and its endpoints are up.
deadline=$((SECONDS + TIMEOUT))
for instance in "${STARTED[@]}"; do
    logfile="${RUN_DIR}/logs/${instance}.log"
    until tail -n "+${FROM_LINE[${instance}]}" "${logfile}" 2>/dev/null | grep -q "Service is healthy"; do
        if [[ -z "$(running_pid "${instance}")" ]] || (( SECONDS >= deadline )); then
            printf 'up: ERROR: %s did not report healthy; the end of %s:\n' "${instance}" "${logfile}" >&2
            tail -n 20 "${logfile}" >&2 || true
            if (( BROKER_WAS_RUNNING )); then
                # Others were running before this call: stop only what it started.
                for started in "${STARTED[@]}"; do
                    pid="$(running_pid "${started}")"
                    [[ -n "${pid}" ]] && kill -TERM "${pid}" 2>/dev/null || true
                    rm -f "${RUN_DIR}/pids/${started}.pid"
                done
            else
                "${REPO_ROOT}/deploy/local/down.sh" "${RUN_DIR}" >&2 || true
            fi
            exit 1
        fi
        sleep 1
    done
    log "${instance} healthy (pid $(cat "${RUN_DIR}/pids/${instance}.pid"), log ${logfile}, health $(tail -n "+${FROM_LINE[${instance}]}" "${logfile}" | grep -o -m1 'Health served at [^ ]*' | cut -d' ' -f4))"
done
log "broker amqp://seismic:***@127.0.0.1:${PORT}/ (credentials in ${RUN_DIR}/seismic.env), settings ${CONFIG}"
log "backfill:  (source ${RUN_DIR}/seismic.env && seismic backfill --rabbitmq \"\$Seismic__Bus__RabbitMq__Uri\" --start ... --end ...)"
log "stop:      deploy/local/down.sh ${RUN_DIR}"
