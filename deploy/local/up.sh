#!/usr/bin/env bash
# Starts Seismic on this machine as it runs in production: a private RabbitMQ broker and the five workers
# (ingest, beamformer, classifier, trainer, reporter), each its own process, all under one run folder:
#
#   RUN_DIR/seismic.env       the workers' environment: broker URI with this run's own user and password,
#                             message-data folder, settings file (mode 600; source it to talk to the broker)
#   RUN_DIR/broker.env        where the broker is (port, data folder, node name), for down.sh
#   RUN_DIR/rabbitmq/         the broker's data and logs
#   RUN_DIR/logs/<worker>.log RUN_DIR/pids/<worker>.pid    RUN_DIR/message-data/ (the claim-check store)
#
# deploy/local/down.sh stops exactly what this started. Builds the workers (Release) when they are not built.
#
# Usage: deploy/local/up.sh [RUN_DIR]          (default: $SEISMIC_RUN_DIR, else run/local in the repository)
# Environment (optional):
#   SEISMIC_LOCAL_AMQP_PORT   the broker's AMQP port on 127.0.0.1 (default 35800; the tests' broker uses 35672)
#   SEISMIC_CONFIG            the settings file the workers read (default config/seismic.yaml of the repository)
#   SEISMIC_UP_TIMEOUT        seconds to wait for every worker to report healthy (default 120)
#   SEISMIC_LOCAL_HTTP_PORT   first of the workers' HTTP ports on 127.0.0.1, one each in the order above
#                             (default 35810: ingest 35810 ... reporter 35814); /health, /health/live, /metrics
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$(mkdir -p "${1:-${SEISMIC_RUN_DIR:-${REPO_ROOT}/run/local}}" && cd "${1:-${SEISMIC_RUN_DIR:-${REPO_ROOT}/run/local}}" && pwd)"
PORT="${SEISMIC_LOCAL_AMQP_PORT:-35800}"
CONFIG="$(realpath "${SEISMIC_CONFIG:-${REPO_ROOT}/config/seismic.yaml}")"
TIMEOUT="${SEISMIC_UP_TIMEOUT:-120}"
WORKERS=(ingest beamformer classifier trainer reporter)

log() { printf 'up: %s\n' "$*"; }
die() { printf 'up: ERROR: %s\n' "$*" >&2; exit 1; }

dll_of() { printf '%s/services/%s/bin/Release/net10.0/Seismic.%s.dll' "${REPO_ROOT}" "$1" "${1^}"; }

[[ -f "${CONFIG}" ]] || die "settings file ${CONFIG} not found (SEISMIC_CONFIG)"
for worker in "${WORKERS[@]}"; do
    pidfile="${RUN_DIR}/pids/${worker}.pid"
    if [[ -s "${pidfile}" ]] && kill -0 "$(cat "${pidfile}")" 2>/dev/null; then
        die "${worker} of ${RUN_DIR} still runs (pid $(cat "${pidfile}")); stop it first: deploy/local/down.sh ${RUN_DIR}"
    fi
done
for worker in "${WORKERS[@]}"; do
    if [[ ! -f "$(dll_of "${worker}")" ]]; then
        log "workers not built: dotnet build -c Release"
        dotnet build "${REPO_ROOT}/Seismic.sln" -c Release -nologo -v quiet >/dev/null || die "the build failed (run ./build.sh build to see why)"
        break
    fi
done

mkdir -p "${RUN_DIR}/logs" "${RUN_DIR}/pids" "${RUN_DIR}/message-data"
cat > "${RUN_DIR}/broker.env" <<ENV
export SEISMIC_RABBITMQ_PORT=${PORT}
export SEISMIC_RABBITMQ_STATE_DIR=${RUN_DIR}/rabbitmq
export SEISMIC_RABBITMQ_NODENAME=seismic-local-${PORT}@localhost
ENV
# shellcheck disable=SC1091
source "${RUN_DIR}/broker.env"
"${REPO_ROOT}/scripts/rabbitmq.sh" start >/dev/null

# This run's own account; the broker's default guest account is removed.
PASSWORD="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
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

for index in "${!WORKERS[@]}"; do
    worker="${WORKERS[${index}]}"
    (
        # shellcheck disable=SC1091
        source "${RUN_DIR}/seismic.env"
        cd "${RUN_DIR}"
        URLS="http://127.0.0.1:$(( ${SEISMIC_LOCAL_HTTP_PORT:-35810} + index ))" setsid nohup dotnet "$(dll_of "${worker}")" >"${RUN_DIR}/logs/${worker}.log" 2>&1 </dev/null &
        echo $! > "${RUN_DIR}/pids/${worker}.pid"
    )
done

# Healthy: each worker logs "Service is healthy" once its bus is connected and its endpoints are up.
deadline=$((SECONDS + TIMEOUT))
for worker in "${WORKERS[@]}"; do
    until grep -q "Service is healthy" "${RUN_DIR}/logs/${worker}.log" 2>/dev/null; do
        if ! kill -0 "$(cat "${RUN_DIR}/pids/${worker}.pid")" 2>/dev/null || (( SECONDS >= deadline )); then
            printf 'up: ERROR: %s did not report healthy; the end of %s:\n' "${worker}" "${RUN_DIR}/logs/${worker}.log" >&2
            tail -n 20 "${RUN_DIR}/logs/${worker}.log" >&2 || true
            "${REPO_ROOT}/deploy/local/down.sh" "${RUN_DIR}" >&2 || true
            exit 1
        fi
        sleep 1
    done
    log "${worker} healthy (pid $(cat "${RUN_DIR}/pids/${worker}.pid"), log ${RUN_DIR}/logs/${worker}.log, health $(grep -o -m1 'Health served at [^ ]*' "${RUN_DIR}/logs/${worker}.log" | cut -d' ' -f4))"
done
log "broker amqp://seismic:***@127.0.0.1:${PORT}/ (credentials in ${RUN_DIR}/seismic.env), settings ${CONFIG}"
log "backfill:  (source ${RUN_DIR}/seismic.env && seismic backfill --rabbitmq \"\$Seismic__Bus__RabbitMq__Uri\" --start ... --end ...)"
log "stop:      deploy/local/down.sh ${RUN_DIR}"
