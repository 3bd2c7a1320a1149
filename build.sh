#!/usr/bin/env bash
# Seismic build entry point.
#
#   ./build.sh build          dotnet restore + dotnet build (Release) of Seismic.sln
#   ./build.sh test           build, start the private RabbitMQ test broker (scripts/rabbitmq.sh),
#                             run every test project, print a summary; non-zero exit if the build
#                             failed, a test failed, or no test ran
#   ./build.sh demo [args]    dotnet run --project cli/Seismic.Cli -c Release -- demo [args]
#                             (the main job: a simulated day detected and classified by all workers, scored)
#   ./build.sh run [args]     dotnet run --project cli/Seismic.Cli -c Release -- run [args]
#                             (all workers in one process until Ctrl-C)
#   ./build.sh bench [name]   the benchmarks in bench/Seismic.Benchmarks (Release); installs Debian's
#                             libmseed-dev first when missing, so miniSEED decoding is compared with libmseed,
#                             and python3-torch for `bench training` and `bench inference`, so training and
#                             inference are compared with PyTorch
#
# Environment:
#   SEISMIC_TEST_RABBITMQ   AMQP URI of a broker for the tests; when set, `test` uses it and
#                           starts no broker of its own
#   SEISMIC_RABBITMQ_PORT   AMQP port of the private test broker (default 35672)
#   CONFIGURATION           build configuration (default Release)
#   CI=true                 CI mode (ContinuousIntegrationBuild; build servers shut down at exit)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "${REPO_ROOT}"

SOLUTION="Seismic.sln"
CONFIGURATION="${CONFIGURATION:-Release}"
RESULTS_DIR="artifacts/test-results"
CLI_PROJECT="cli/Seismic.Cli"
RABBITMQ_SCRIPT="${REPO_ROOT}/scripts/rabbitmq.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

# No MSBuild worker nodes left behind after the build (they would outlive a CI step).
MSBUILD_ARGS=(-nodeReuse:false)

log()  { printf '==> %s\n' "$*"; }
err()  { printf 'build.sh: ERROR: %s\n' "$*" >&2; }

usage() {
    sed -n '2,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

require_dotnet() {
    command -v dotnet >/dev/null 2>&1 || { err "dotnet is not on PATH (the .NET 10 SDK is needed)"; exit 1; }
}

# ---------------------------------------------------------------------------------------------
# Cleanup: private broker (only when this script started it) and, in CI, the build servers.
# ---------------------------------------------------------------------------------------------
BROKER_STARTED=0

cleanup() {
    if [[ "${BROKER_STARTED}" == 1 ]]; then
        BROKER_STARTED=0
        "${RABBITMQ_SCRIPT}" stop || err "could not stop the test broker (scripts/rabbitmq.sh stop)"
    fi
    if [[ "${CI:-}" == true ]] && command -v dotnet >/dev/null 2>&1; then
        dotnet build-server shutdown >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'cleanup; trap - EXIT; exit 130' INT
trap 'cleanup; trap - EXIT; exit 143' TERM

# ---------------------------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------------------------
# Every project in the tree must be in the solution, or its tests would silently never run.
check_solution_complete() {
    local listed missing=()
    listed="$(dotnet sln "${SOLUTION}" list | tr '\\' '/')"
    while IFS= read -r project; do
        grep -qxF "${project#./}" <<<"${listed}" || missing+=("${project#./}")
    done < <(find . -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
    if [[ ${#missing[@]} -gt 0 ]]; then
        err "not in ${SOLUTION}: ${missing[*]} (add with: dotnet sln ${SOLUTION} add PROJECT)"
        exit 1
    fi
}

do_build() {
    require_dotnet
    check_solution_complete
    log "dotnet restore ${SOLUTION}"
    local rc=0
    dotnet restore "${SOLUTION}" "${MSBUILD_ARGS[@]}" || rc=$?
    if [[ "${rc}" != 0 ]]; then err "dotnet restore failed (exit ${rc})"; exit "${rc}"; fi

    log "dotnet build ${SOLUTION} -c ${CONFIGURATION}"
    dotnet build "${SOLUTION}" -c "${CONFIGURATION}" --no-restore "${MSBUILD_ARGS[@]}" || rc=$?
    if [[ "${rc}" != 0 ]]; then err "dotnet build failed (exit ${rc})"; exit "${rc}"; fi
}

# ---------------------------------------------------------------------------------------------
# Test results: read the <Counters> of every TRX file.
# Prints one line per TRX file:  name<TAB>total<TAB>passed<TAB>failed<TAB>skipped<TAB>seconds
#   failed  = failed + error + timeout + aborted
#   skipped = total - passed - failed (not executed, inconclusive, ...)
# ---------------------------------------------------------------------------------------------
trx_counts_python() {
    python3 - "$@" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET
from datetime import datetime

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

def seconds(times):
    if times is None:
        return ""
    def parse(v):
        if not v:
            return None
        v = re.sub(r"(\.\d{6})\d+", r"\1", v)  # .NET writes 7 fractional digits
        try:
            return datetime.fromisoformat(v)
        except ValueError:
            return None
    a, b = parse(times.get("start")), parse(times.get("finish"))
    return "%.1f" % (b - a).total_seconds() if a and b else ""

for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    name = ""
    for tm in root.iter(NS + "TestMethod"):
        cb = tm.get("codeBase") or ""
        if cb:
            name = re.sub(r"\.dll$", "", os.path.basename(cb.replace("\\", "/")), flags=re.I)
            break
    if not name:  # a test assembly without tests only names itself in a warning
        for text in root.iter(NS + "Text"):
            m = re.search(r"No test is available in (.+?\.dll)", text.text or "", re.I)
            if m:
                name = re.sub(r"\.dll$", "", os.path.basename(m.group(1).replace("\\", "/")), flags=re.I)
                break
    if not name:
        name = os.path.basename(path)
    c = root.find(NS + "ResultSummary/" + NS + "Counters")
    g = lambda k: int(c.get(k, "0")) if c is not None else 0
    total, passed = g("total"), g("passed")
    failed = g("failed") + g("error") + g("timeout") + g("aborted")
    skipped = max(total - passed - failed, 0)
    print("\t".join([name, str(total), str(passed), str(failed), str(skipped), seconds(root.find(NS + "Times"))]))
PY
}

trx_counts_grep() {
    local f counters name total passed failed skipped
    attr() { printf '%s' "${counters}" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    for f in "$@"; do
        counters="$(tr -d '\r\n' < "${f}" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
        name="$(tr -d '\r\n' < "${f}" | grep -o 'codeBase="[^"]*"' | head -n 1 | sed 's/^codeBase="//; s/"$//; s#.*[/\\]##; s/\.[dD][lL][lL]$//' || true)"
        [[ -n "${name}" ]] || name="$(tr -d '\r\n' < "${f}" | grep -o 'No test is available in [^<]*\.dll' | head -n 1 | sed 's#.*[/\\]##; s/\.[dD][lL][lL]$//' || true)"
        [[ -n "${name}" ]] || name="$(basename "${f}")"
        total=$(( $(attr total || true) + 0 ))
        passed=$(( $(attr passed || true) + 0 ))
        failed=$(( $(attr failed || true) + $(attr error || true) + $(attr timeout || true) + $(attr aborted || true) + 0 ))
        skipped=$(( total - passed - failed ))
        (( skipped >= 0 )) || skipped=0
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "${name}" "${total}" "${passed}" "${failed}" "${skipped}" ""
    done
}

trx_counts() {
    local out
    # python3 when it is there and copes (a truncated TRX makes it fail): grep/sed otherwise.
    if command -v python3 >/dev/null 2>&1 && out="$(trx_counts_python "$@" 2>/dev/null)"; then
        printf '%s\n' "${out}"
    else
        trx_counts_grep "$@"
    fi
}

# Prints the per-project table and the closing "Tests: ..." line; returns 1 if the run is not
# green (a failure, a non-zero dotnet test exit code, no results, or zero tests).
summarize() {
    local test_rc="$1" results_dir="$2"
    local -a trx_files=()
    local f
    while IFS= read -r f; do trx_files+=("${f}"); done < <(find "${results_dir}" -name '*.trx' -type f 2>/dev/null | sort)

    local passed=0 failed=0 skipped=0 total=0 ok=0
    echo
    echo "Test summary (${results_dir}):"
    if (( ${#trx_files[@]} > 0 )); then
        local counts name t p fl s secs
        counts="$(trx_counts "${trx_files[@]}")"
        while IFS=$'\t' read -r name t p fl s secs; do
            [[ -n "${name}" ]] || continue
            printf '  %-40s %5d passed, %3d failed, %3d skipped%s\n' "${name}" "${p}" "${fl}" "${s}" "${secs:+  (${secs} s)}"
            passed=$((passed + p)); failed=$((failed + fl)); skipped=$((skipped + s)); total=$((total + t))
        done <<< "${counts}"
    else
        echo "  (no TRX files found)"
    fi

    if (( failed > 0 )); then
        err "${failed} test(s) failed"; ok=1
    fi
    if [[ "${test_rc}" != 0 ]]; then
        err "dotnet test exited with code ${test_rc}"; ok=1
    fi
    if grep -q -i 'Test Run Aborted' "${results_dir}/dotnet-test.log" 2>/dev/null; then
        err "a test run was aborted: a test host crashed or a test hung past --blame-hang-timeout (its test is not counted above; see 'The test running when the crash occurred' in ${results_dir}/dotnet-test.log and the Sequence_*.xml/dumps under ${results_dir})"
        ok=1
    fi
    # Every test assembly that ran writes one TRX file (named by user, machine and time).
    local assemblies
    assemblies="$(grep -c '^Test run for ' "${results_dir}/dotnet-test.log" 2>/dev/null || true)"
    if [[ -n "${assemblies}" ]] && (( assemblies > ${#trx_files[@]} )); then
        err "WARNING: ${assemblies} test assemblies ran but ${#trx_files[@]} TRX files were found: the counts above miss some results (see ${results_dir}/dotnet-test.log)"
    fi
    if (( ${#trx_files[@]} == 0 )); then
        err "no test results were written to ${results_dir}"; ok=1
    elif (( passed + failed == 0 )); then
        err "no test ran"; ok=1
    fi
    echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
    return "${ok}"
}

# ---------------------------------------------------------------------------------------------
# test
# ---------------------------------------------------------------------------------------------
# The dataset tests read waveforms.hdf5 with h5py, as SeisBench does. Debian's python3-h5py serves
# /usr/bin/python3, which a python3 on PATH (pyenv, a venv) may hide; the tests try both.
ensure_h5py() {
    if python3 -c 'import h5py' >/dev/null 2>&1 || /usr/bin/python3 -c 'import h5py' >/dev/null 2>&1; then
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || { err "h5py is missing and apt-get is not here: the h5py dataset check will be skipped"; return 0; }
    local sudo=()
    [[ "$(id -u)" != 0 ]] && sudo=(sudo -n)
    log "installing Debian's python3-h5py (the dataset tests check waveforms.hdf5 with it)"
    { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update >/dev/null &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 \
          install --no-install-recommends python3-h5py >/dev/null; } \
        || err "could not install python3-h5py: the h5py dataset check will be skipped"
}

do_test() {
    do_build
    ensure_h5py

    if [[ -n "${SEISMIC_TEST_RABBITMQ:-}" ]]; then
        log "using the broker from SEISMIC_TEST_RABBITMQ=$(printf '%s' "${SEISMIC_TEST_RABBITMQ}" | sed 's#//[^@/]*@#//***@#') (no broker started)"
    else
        [[ -x "${RABBITMQ_SCRIPT}" ]] || { err "${RABBITMQ_SCRIPT} is missing or not executable"; exit 1; }
        if "${RABBITMQ_SCRIPT}" status >/dev/null 2>&1; then
            log "the private test broker is already running: reusing it (it is left running)"
        else
            log "starting the private test broker (scripts/rabbitmq.sh start)"
            BROKER_STARTED=1
        fi
        "${RABBITMQ_SCRIPT}" start || { err "could not start the test broker (scripts/rabbitmq.sh start)"; exit 1; }
        eval "$("${RABBITMQ_SCRIPT}" env)"
        export SEISMIC_TEST_RABBITMQ
        log "SEISMIC_TEST_RABBITMQ=${SEISMIC_TEST_RABBITMQ}"
    fi

    rm -rf "${RESULTS_DIR}"
    mkdir -p "${RESULTS_DIR}"
    log "dotnet test ${SOLUTION} -c ${CONFIGURATION} (results in ${RESULTS_DIR})"
    local test_rc=0
    # --blame-hang-timeout: a test that hangs for 10 minutes aborts its test host (a mini dump
    # goes to the results folder) instead of eating the CI time budget. Not 5: the simulated
    # training test (simulate, build a dataset, train 20 epochs) takes 2.5-3 min on a quiet 2-core
    # machine and went past 5 min twice while the integration tests' processes shared the cores.
    dotnet test "${SOLUTION}" -c "${CONFIGURATION}" --no-build \
        --results-directory "${RESULTS_DIR}" \
        --logger "trx" \
        --blame-hang-timeout 10m --blame-hang-dump-type mini \
        "${MSBUILD_ARGS[@]}" 2>&1 | tee "${RESULTS_DIR}/dotnet-test.log" || test_rc=$?

    # Stop the broker before the summary, so the summary ends the output.
    if [[ "${BROKER_STARTED}" == 1 ]]; then
        BROKER_STARTED=0
        "${RABBITMQ_SCRIPT}" stop || err "could not stop the test broker (scripts/rabbitmq.sh stop)"
    fi

    summarize "${test_rc}" "${RESULTS_DIR}"
}

# ---------------------------------------------------------------------------------------------
# run
# ---------------------------------------------------------------------------------------------
do_demo() {
    require_dotnet
    local rc=0
    dotnet run --project "${CLI_PROJECT}" -c "${CONFIGURATION}" -- demo "$@" || rc=$?
    return "${rc}"
}

do_run() {
    require_dotnet
    # Not exec: the EXIT trap (build-server shutdown in CI) must still run.
    # Ctrl-C reaches seismic itself, which stops its workers and exits 0; the script only waits for it
    # (a no-op handler, not an ignored signal: an ignored SIGINT would be inherited by seismic).
    trap ':' INT
    local rc=0
    dotnet run --project "${CLI_PROJECT}" -c "${CONFIGURATION}" -- run "$@" || rc=$?
    return "${rc}"
}

do_bench() {
    require_dotnet
    if [[ ! -e /usr/include/libmseed.h ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing Debian's libmseed-dev (the reference the miniSEED benchmark compares with)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmseed-dev >/dev/null \
            || err "could not install libmseed-dev; the benchmark will run without the libmseed comparison"
    fi
    # The training and inference benchmarks compare with PyTorch: Debian's python3-torch (1.13), only for them.
    # It serves /usr/bin/python3, which a python3 on PATH (pyenv, a venv) may hide; the benchmark tries both.
    if [[ "${1:-}" == training || "${1:-}" == inference ]] && ! python3 -c 'import torch' >/dev/null 2>&1 \
        && ! /usr/bin/python3 -c 'import torch' >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
        log "installing Debian's python3-torch (the reference the ${1} benchmark compares with)"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null \
            || err "could not install python3-torch; the benchmark will run without the PyTorch comparison"
    fi
    dotnet run --project bench/Seismic.Benchmarks -c Release -- "$@"
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "${cmd}" in
    build) do_build ;;
    test)  do_test ;;
    demo)  do_demo "$@" ;;
    run)   do_run "$@" ;;
    bench) do_bench "$@" ;;
    -h|--help|help) usage ;;
    *)
        [[ -n "${cmd}" ]] && err "unknown command: ${cmd}"
        usage >&2
        exit 2
        ;;
esac
