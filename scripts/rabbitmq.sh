#!/usr/bin/env bash
# Private RabbitMQ broker for the Seismic tests.
#
#   scripts/rabbitmq.sh start    install rabbitmq-server if missing, start (or reuse) the private broker
#   scripts/rabbitmq.sh stop     stop the private broker (exit 0 if none runs)
#   scripts/rabbitmq.sh status   say whether the private broker runs
#   scripts/rabbitmq.sh env      print the export line the tests read (SEISMIC_TEST_RABBITMQ)
#   scripts/rabbitmq.sh ctl ARGS rabbitmqctl ARGS against the private broker (deploy/local/up.sh adds its user so)
#
# The broker never touches a system-wide RabbitMQ: it has its own node name, AMQP port,
# Erlang distribution port, epmd port, Erlang cookie and data/log folder (.rabbitmq/<port>/ in the repo).
#
# Environment (all optional):
#   SEISMIC_RABBITMQ_PORT            AMQP port                      (default 35672)
#   SEISMIC_RABBITMQ_DIST_PORT       Erlang distribution port       (default AMQP port + 20000;
#                                    rabbitmqctl uses the 10 ports above it)
#   SEISMIC_RABBITMQ_EPMD_PORT       private epmd port              (default AMQP port - 1303 = 34369)
#   SEISMIC_RABBITMQ_NODENAME        Erlang node name               (default seismic-test@localhost)
#   SEISMIC_RABBITMQ_START_TIMEOUT   seconds to wait for startup    (default 120)
#   SEISMIC_RABBITMQ_KEEP_DATA=1     keep queues/messages of the previous run (default: each
#                                    fresh start begins with an empty broker)
#   SEISMIC_RABBITMQ_STATE_DIR       data, log and pid folder       (default .rabbitmq/<port> in the repo)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

AMQP_PORT="${SEISMIC_RABBITMQ_PORT:-35672}"
if ! [[ "${AMQP_PORT}" =~ ^[0-9]+$ ]] || (( AMQP_PORT < 2000 || AMQP_PORT > 65000 )); then
    echo "rabbitmq: ERROR: SEISMIC_RABBITMQ_PORT must be a number in 2000..65000 (got '${AMQP_PORT}')" >&2
    exit 2
fi
if (( AMQP_PORT + 20000 <= 65000 )); then DEFAULT_DIST_PORT=$((AMQP_PORT + 20000)); else DEFAULT_DIST_PORT=$((AMQP_PORT + 100)); fi
DIST_PORT="${SEISMIC_RABBITMQ_DIST_PORT:-${DEFAULT_DIST_PORT}}"
# rabbitmqctl & co. are Erlang nodes too; their distribution listener defaults to 35672-35682,
# which is exactly our AMQP port: give them the 10 ports above our distribution port instead.
CTL_DIST_PORT_MIN=$((DIST_PORT + 1))
CTL_DIST_PORT_MAX=$((DIST_PORT + 10))
# epmd default follows the AMQP port (35672 -> 34369), so SEISMIC_RABBITMQ_PORT alone is enough
# to run a second, independent broker (e.g. from another checkout).
EPMD_PORT="${SEISMIC_RABBITMQ_EPMD_PORT:-$((AMQP_PORT - 1303))}"
NODE_NAME="${SEISMIC_RABBITMQ_NODENAME:-seismic-test@localhost}"
START_TIMEOUT="${SEISMIC_RABBITMQ_START_TIMEOUT:-120}"
# One folder per AMQP port, so brokers on different ports never share their Mnesia data.
STATE_DIR="${SEISMIC_RABBITMQ_STATE_DIR:-${REPO_ROOT}/.rabbitmq/${AMQP_PORT}}"
AMQP_URI="amqp://guest:guest@127.0.0.1:${AMQP_PORT}/"

RABBIT_BIN_DIR=/usr/lib/rabbitmq/bin

log() { printf 'rabbitmq: %s\n' "$*"; }
err() { printf 'rabbitmq: ERROR: %s\n' "$*" >&2; }
die() { err "$*"; exit 1; }

usage() {
    sed -n '2,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------------------------------------
# Installation
# ---------------------------------------------------------------------------------------------

# Prefer the real scripts in /usr/lib/rabbitmq/bin: Debian's /usr/sbin wrappers switch to the
# "rabbitmq" user with su, which drops the environment that makes this broker private.
find_tool() {
    local name="$1"
    if [[ -x "${RABBIT_BIN_DIR}/${name}" ]]; then
        printf '%s\n' "${RABBIT_BIN_DIR}/${name}"
    elif [[ -x "/usr/lib/rabbitmq/lib/rabbitmq_server-current/sbin/${name}" ]]; then
        printf '%s\n' "/usr/lib/rabbitmq/lib/rabbitmq_server-current/sbin/${name}"
    else
        local dir
        for dir in /usr/lib/rabbitmq/lib/rabbitmq_server-*/sbin; do
            if [[ -x "${dir}/${name}" ]]; then printf '%s\n' "${dir}/${name}"; return 0; fi
        done
        return 1
    fi
}

is_installed() {
    find_tool rabbitmq-server >/dev/null 2>&1 && find_tool rabbitmqctl >/dev/null 2>&1
}

install_rabbitmq() {
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null 2>&1 || die "rabbitmq-server is not installed and this is not root (no sudo either): install it with 'apt-get install rabbitmq-server'"
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null 2>&1 || die "rabbitmq-server is not installed and apt-get is missing: install RabbitMQ by hand"

    log "rabbitmq-server is not installed: installing Debian's package (apt-get update + install)"
    local t0=$SECONDS created_policy=0
    # Keep the package from starting a system-wide broker (there is no systemd/init here anyway):
    # invoke-rc.d asks /usr/sbin/policy-rc.d, and 101 means "action not allowed".
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\n# temporary, written by seismic scripts/rabbitmq.sh during its install\nexit 101\n' \
            | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
        created_policy=1
    fi
    local rc=0
    {
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
            install --no-install-recommends rabbitmq-server
    } || rc=$?
    if [[ "${created_policy}" == 1 ]]; then
        "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
    fi
    [[ "${rc}" == 0 ]] || die "apt-get failed (exit ${rc}) while installing rabbitmq-server"
    is_installed || die "rabbitmq-server was installed but its tools are not where expected (${RABBIT_BIN_DIR})"
    log "installed rabbitmq-server $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo '?') in $((SECONDS - t0)) s"
}

# ---------------------------------------------------------------------------------------------
# Private node environment
# ---------------------------------------------------------------------------------------------

setup_env() {
    mkdir -p "${STATE_DIR}/mnesia" "${STATE_DIR}/log" "${STATE_DIR}/home"
    # Our own (empty) env file and config, so /etc/rabbitmq/* of a system broker is never read.
    : > "${STATE_DIR}/rabbitmq-env.conf"
    cat > "${STATE_DIR}/rabbitmq.conf" <<EOF
# generated by scripts/rabbitmq.sh: private test broker; the AMQP listener (127.0.0.1:${AMQP_PORT})
# comes from RABBITMQ_NODE_IP_ADDRESS/RABBITMQ_NODE_PORT, so it is not repeated here.
loopback_users.guest = true
log.console = false
log.file.level = info
disk_free_limit.absolute = 50MB
EOF
    printf '[].\n' > "${STATE_DIR}/enabled_plugins"

    # A private HOME gives this broker and its rabbitmqctl calls their own Erlang cookie, so
    # nothing started from elsewhere can be mistaken for ours (and ~/.erlang.cookie is untouched).
    export HOME="${STATE_DIR}/home"
    export RABBITMQ_CONF_ENV_FILE="${STATE_DIR}/rabbitmq-env.conf"
    export RABBITMQ_CONFIG_FILE="${STATE_DIR}/rabbitmq.conf"
    export RABBITMQ_ADVANCED_CONFIG_FILE="${STATE_DIR}/advanced.config"
    export RABBITMQ_ENABLED_PLUGINS_FILE="${STATE_DIR}/enabled_plugins"
    export RABBITMQ_MNESIA_BASE="${STATE_DIR}/mnesia"
    export RABBITMQ_LOG_BASE="${STATE_DIR}/log"
    export RABBITMQ_PID_FILE="${STATE_DIR}/rabbitmq.pid"
    export RABBITMQ_NODENAME="${NODE_NAME}"
    export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    export RABBITMQ_NODE_PORT="${AMQP_PORT}"
    export RABBITMQ_DIST_PORT="${DIST_PORT}"
    export RABBITMQ_CTL_DIST_PORT_MIN="${CTL_DIST_PORT_MIN}"
    export RABBITMQ_CTL_DIST_PORT_MAX="${CTL_DIST_PORT_MAX}"
    export RABBITMQ_USE_LONGNAME=false
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    export ERL_EPMD_PORT="${EPMD_PORT}"
    export ERL_EPMD_ADDRESS=127.0.0.1
    unset RABBITMQ_ENABLED_PLUGINS RABBITMQ_BASE RABBITMQ_MNESIA_DIR RABBITMQ_SCHEMA_DIR
    unset RABBITMQ_GENERATED_CONFIG_DIR RABBITMQ_PLUGINS_EXPAND_DIR RABBITMQ_FEATURE_FLAGS_FILE
    unset RABBITMQ_ERLANG_COOKIE RABBITMQ_ALLOW_INPUT RABBITMQ_SERVER_START_ARGS RABBITMQ_SERVER_ERL_ARGS
}

node_responds() {
    is_installed || return 1
    # No private epmd, no node of ours (and asking rabbitmqctl would start an epmd as a side effect).
    port_in_use "${EPMD_PORT}" || return 1
    timeout 30 "$(find_tool rabbitmqctl)" -q -n "${NODE_NAME}" ping >/dev/null 2>&1
}

# Small AMQP 0-9-1 handshake: send the protocol header, expect a METHOD frame (type 1,
# connection.start) back. Needs nothing but bash's /dev/tcp.
amqp_handshake() {
    local port="$1" first
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    first="$(timeout 5 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
        printf "AMQP\000\000\011\001" >&3
        head -c 1 <&3 | od -An -tx1
    ' _ "${port}" 2>/dev/null | tr -d ' \n')" || return 1
    [[ "${first}" == 01 ]]
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

cmd_env() {
    printf 'export SEISMIC_TEST_RABBITMQ=%s\n' "${AMQP_URI}"
}

cmd_status() {
    setup_env
    if node_responds; then
        if amqp_handshake "${AMQP_PORT}"; then
            log "running: node ${NODE_NAME}, AMQP ${AMQP_URI} (data in ${STATE_DIR})"
        else
            log "node ${NODE_NAME} runs but AMQP port ${AMQP_PORT} does not answer (still booting?)"
        fi
        return 0
    fi
    log "not running (node ${NODE_NAME})"
    return 3
}

startup_failed() {
    err "$1; last lines of ${STATE_DIR}/log/server.out and the node log:"
    tail -n 25 "${STATE_DIR}/log/server.out" >&2 2>/dev/null || true
    grep -E '\[(error|critical)\]' "${STATE_DIR}/log/${NODE_NAME}.log" 2>/dev/null | tail -n 15 >&2 || true
    cmd_stop >/dev/null 2>&1 || true
    exit 1
}

cmd_start() {
    is_installed || install_rabbitmq
    setup_env

    if node_responds; then
        log "already running (node ${NODE_NAME}), reusing it"
    else
        local port
        for port in "${AMQP_PORT}" "${DIST_PORT}"; do
            if port_in_use "${port}"; then
                die "port ${port} on 127.0.0.1 is taken by something that is not this script's broker (node ${NODE_NAME}); set SEISMIC_RABBITMQ_PORT (and/or SEISMIC_RABBITMQ_DIST_PORT) to free ports"
            fi
        done

        local server t0=$SECONDS
        server="$(find_tool rabbitmq-server)"
        rm -f "${RABBITMQ_PID_FILE}"
        # A fresh start begins with an empty broker (no queues or messages left by an earlier
        # run), as in CI's clean clone. SEISMIC_RABBITMQ_KEEP_DATA=1 keeps the old data.
        if [[ "${SEISMIC_RABBITMQ_KEEP_DATA:-0}" != 1 ]]; then
            rm -rf "${STATE_DIR}/mnesia"
            mkdir -p "${STATE_DIR}/mnesia"
        fi
        log "starting node ${NODE_NAME} on 127.0.0.1:${AMQP_PORT} (dist ${DIST_PORT}, epmd ${EPMD_PORT}, data ${STATE_DIR})"
        # Detached from this shell (own session), output to a file. Without job control the
        # background child is no process group leader, so setsid execs in place (no fork) and
        # $! is the server's launcher itself.
        set +m
        setsid nohup "${server}" >"${STATE_DIR}/log/server.out" 2>&1 </dev/null &
        local launcher=$!
        echo "${launcher}" > "${STATE_DIR}/launcher.pid"

        local deadline=$((SECONDS + START_TIMEOUT)) started=0
        while (( SECONDS < deadline )); do
            if ! kill -0 "${launcher}" 2>/dev/null; then
                startup_failed "rabbitmq-server exited during startup"
            fi
            # await_startup fails at once while the node is not registered yet: retry until the deadline.
            if timeout 60 "$(find_tool rabbitmqctl)" -q -n "${NODE_NAME}" await_startup --timeout 30 >/dev/null 2>&1; then
                started=1
                break
            fi
            sleep 1
        done
        if [[ "${started}" != 1 ]]; then
            startup_failed "node ${NODE_NAME} did not start within ${START_TIMEOUT} s"
        fi
        log "node ${NODE_NAME} booted in $((SECONDS - t0)) s"
    fi

    local deadline=$((SECONDS + 30))
    until amqp_handshake "${AMQP_PORT}"; do
        if (( SECONDS >= deadline )); then
            die "node ${NODE_NAME} runs but 127.0.0.1:${AMQP_PORT} does not answer the AMQP handshake (see ${STATE_DIR}/log)"
        fi
        sleep 1
    done
    log "ready: ${AMQP_URI}"
    printf '%s\n' "${AMQP_URI}"
}

cmd_stop() {
    if ! is_installed; then
        log "not installed, nothing to stop"
        return 0
    fi
    setup_env
    if node_responds; then
        log "stopping node ${NODE_NAME}"
        # shutdown stops the node and its Erlang VM, and waits until the VM has exited.
        timeout 120 "$(find_tool rabbitmqctl)" -q -n "${NODE_NAME}" shutdown >/dev/null 2>&1 \
            || err "rabbitmqctl shutdown failed; killing the processes this script started"
    else
        log "not running (node ${NODE_NAME})"
    fi

    # Leftovers of a start by this script: its launcher (and the VM under it), then our private epmd.
    local pidfile pid
    for pidfile in "${STATE_DIR}/rabbitmq.pid" "${STATE_DIR}/launcher.pid"; do
        [[ -s "${pidfile}" ]] || continue
        pid="$(tr -dc '0-9' < "${pidfile}")"
        if [[ -n "${pid}" ]] && kill -0 "${pid}" 2>/dev/null \
            && tr '\0' ' ' < "/proc/${pid}/cmdline" 2>/dev/null | grep -q -F -e "${STATE_DIR}" -e rabbitmq; then
            kill "${pid}" 2>/dev/null || true
            local _
            for _ in $(seq 1 20); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.5; done
            kill -9 "${pid}" 2>/dev/null || true
        fi
        rm -f "${pidfile}"
    done
    # epmd on our private port only (it refuses to die while nodes are registered with it).
    local epmd
    epmd="$(command -v epmd || compgen -G '/usr/lib/erlang/erts-*/bin/epmd' | head -n 1 || true)"
    if [[ -n "${epmd}" ]] && port_in_use "${EPMD_PORT}"; then
        "${epmd}" -port "${EPMD_PORT}" -kill >/dev/null 2>&1 || true
    fi
    log "stopped"
    return 0
}

cmd_ctl() {
    setup_env
    node_responds || die "node ${NODE_NAME} is not running"
    timeout 60 "$(find_tool rabbitmqctl)" -q -n "${NODE_NAME}" "$@"
}

case "${1:-}" in
    start)  cmd_start ;;
    ctl)    shift; cmd_ctl "$@" ;;
    stop)   cmd_stop ;;
    status) cmd_status ;;
    env)    cmd_env ;;
    -h|--help|help) usage ;;
    *)      usage >&2; exit 2 ;;
esac
