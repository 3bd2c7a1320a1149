#!/usr/bin/env bash
# Stops what deploy/local/up.sh started in RUN_DIR: every worker instance (SIGTERM, then SIGKILL after 30 s) and the
# private broker. Only processes whose pid file is in RUN_DIR and whose command line is that worker are
# signalled. Logs, the broker's data and the message-data folder stay for inspection.
#
# Usage: deploy/local/down.sh [RUN_DIR]        (default: $SEISMIC_RUN_DIR, else run/local in the repository)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${1:-${SEISMIC_RUN_DIR:-${REPO_ROOT}/run/local}}"
[[ -d "${RUN_DIR}" ]] || { printf 'down: nothing to stop: %s does not exist\n' "${RUN_DIR}"; exit 0; }
RUN_DIR="$(cd "${RUN_DIR}" && pwd)"

log() { printf 'down: %s\n' "$*"; }

shopt -s nullglob
for worker in reporter classifier beamformer ingest trainer; do
  # The worker's first instance and its others (classifier-2, ...).
  for pidfile in "${RUN_DIR}/pids/${worker}.pid" "${RUN_DIR}/pids/${worker}"-[0-9]*.pid; do
    instance="$(basename "${pidfile}" .pid)"
    [[ -s "${pidfile}" ]] || continue
    pid="$(tr -dc '0-9' < "${pidfile}")"
    if [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null \
        && tr '\0' ' ' < "/proc/${pid}/cmdline" 2>/dev/null | grep -q -F "Seismic.${worker^}.dll"; then
        kill -TERM "${pid}" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "${pid}" 2>/dev/null; then
            log "${instance} (pid ${pid}) did not stop within 30 s of SIGTERM: SIGKILL"
            kill -KILL "${pid}" 2>/dev/null || true
        fi
        log "${instance} stopped (pid ${pid})"
    fi
    rm -f "${pidfile}"
  done
done

if [[ -f "${RUN_DIR}/broker.env" ]]; then
    # shellcheck disable=SC1091
    source "${RUN_DIR}/broker.env"
    "${REPO_ROOT}/scripts/rabbitmq.sh" stop >/dev/null
    log "broker on port ${SEISMIC_RABBITMQ_PORT} stopped"
fi
log "logs and data kept in ${RUN_DIR}"
