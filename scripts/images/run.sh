#!/usr/bin/env bash
# The image step: builds EVERY Dockerfile in docker/ and examples/*/ on local stand-in bases,
# runs each image against the Runtime API emulator and the OTLP receiver on the host network,
# invokes its sample events and checks the traces arrived. Run after `pnpm build` (it uses the
# built packages). `scripts/test.sh` runs it when CI=true or LAMBDA_OTEL_IMAGES=1.
#
# An example joins by being a folder examples/<name>/ with a Dockerfile and events/*.json: it is
# staged as a user would copy it (stage-function.mjs), built with BASE_IMAGE set to the stand-in
# for the base its Dockerfile names, and invoked with each event.
#
# LAMBDA_OTEL_IMAGES_ONLY="example-sqs-producer docker-lambda-base" builds and runs only those
# images (names as in the log: example-<folder>, docker-<file>); unset, every image (CI).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"
start=$SECONDS
mkdir -p "$cache_dir/logs"

# --- tools: podman, buildah, runc, debootstrap from Debian's packages --------------------------
missing=()
for tool in podman buildah runc debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "images: FAILED: ${missing[*]} missing and apt-get is not available to install them" >&2
    exit 1
  fi
  log "installing ${missing[*]} with apt-get"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc debootstrap; } \
    >"$cache_dir/logs/apt.log" 2>&1 || { tail -n 20 "$cache_dir/logs/apt.log"; echo "images: FAILED: apt-get install" >&2; exit 1; }
fi
log "$(podman --version), $(buildah --version | cut -d' ' -f1-3)"

# --- stand-in bases -------------------------------------------------------------------------------
bash "$images_dir/build-bases.sh"
. "$cache_dir/bases.env"
if ! pm run --rm "${run_flags[@]}" --entrypoint /bin/true "$NODE_BASE" >"$cache_dir/logs/probe.log" 2>&1; then
  cat "$cache_dir/logs/probe.log" >&2
  echo "images: FAILED: containers cannot run on this machine (podman run failed, above)" >&2
  exit 1
fi
log "bases ready after $((SECONDS - start)) s"
# Images of earlier runs that a rebuild untagged: vfs keeps full copies, so drop them.
pm image prune -f >/dev/null 2>&1 || true

only="${LAMBDA_OTEL_IMAGES_ONLY:-}"
only=" ${only//,/ } "
selected() { [ -z "${LAMBDA_OTEL_IMAGES_ONLY:-}" ] || [[ "$only" == *" $1 "* ]]; }
[ -z "${LAMBDA_OTEL_IMAGES_ONLY:-}" ] || log "only:${only% }"
stage() { # stage NAME: examples/NAME as a user copies it, into $cache_dir/contexts/NAME
  node "$images_dir/stage-function.mjs" "examples/$1" "$cache_dir/contexts/$1" | sed 's/^/==> images: /'
  staged+=("$1")
}
staged=()

base_for() { # the stand-in for the BASE_IMAGE a Dockerfile defaults to
  if grep -qE '^ARG BASE_IMAGE=.*lambda/nodejs' "$1"; then echo "$LAMBDA_BASE"; else echo "$NODE_BASE"; fi
}
failed=()
built=0
build() { # build NAME TAG DOCKERFILE CONTEXT [build args...]
  local name=$1 tag=$2 file=$3 context=$4 t=$SECONDS
  shift 4
  built=$((built + 1))
  if bh_build "$tag" "$file" "$context" "$@" >"$cache_dir/logs/$name.build.log" 2>&1; then
    log "built $tag from $file in $((SECONDS - t)) s"
  else
    tail -n 30 "$cache_dir/logs/$name.build.log"
    log "FAILED to build $file (log: $cache_dir/logs/$name.build.log)"
    failed+=("build $file")
    return 1
  fi
}
verify() { # verify NAME TAG [verify-image args...]
  local name=$1 tag=$2 t=$SECONDS
  shift 2
  log "running $tag against the Runtime API emulator and the OTLP receiver"
  if node "$images_dir/verify-image.mjs" "$tag" "$@"; then
    log "verified $tag in $((SECONDS - t)) s"
  else
    failed+=("run $tag")
  fi
}

# --- examples: staged as copied out of the repository, built with their own Dockerfile ----------
for dockerfile in examples/*/Dockerfile; do
  name="$(basename "$(dirname "$dockerfile")")"
  selected "example-$name" || continue
  context="$cache_dir/contexts/$name"
  stage "$name"
  tag="localhost/lambda-otel-kit/example-$name:ci"
  build "example-$name" "$tag" "$dockerfile" "$context" \
    --build-arg "BASE_IMAGE=$(base_for "$dockerfile")" --build-arg "BUILD_IMAGE=$NODE_BASE" \
    && verify "example-$name" "$tag" "examples/$name"/events/*.json
done

# --- docker/: the shared Dockerfiles, on the http-api example -------------------------------------
function_context="$cache_dir/contexts/http-api"
function_events=(examples/http-api/events/*.json)
# The collector stage goes last: it extends the lambda-base image.
for dockerfile in $(ls docker/*.Dockerfile | grep -v /collector-) docker/collector-*.Dockerfile; do
  name="docker-$(basename "$dockerfile" .Dockerfile)"
  selected "$name" || continue
  [[ " ${staged[*]} " == *" http-api "* ]] || stage http-api
  tag="localhost/lambda-otel-kit/$name:ci"
  case "$(basename "$dockerfile")" in
    lambda-base.Dockerfile | node-ric.Dockerfile)
      build "$name" "$tag" "$dockerfile" "$function_context" \
        --build-arg "BASE_IMAGE=$(base_for "$dockerfile")" --build-arg "BUILD_IMAGE=$NODE_BASE" \
        && verify "$name" "$tag" "${function_events[@]}" ;;
    collector-extension.Dockerfile)
      # On the lambda-base image; the collector is the stand-in (no download here).
      build "$name" "$tag" "$dockerfile" "$images_dir/collector-standin" \
        --build-arg "FUNCTION_IMAGE=localhost/lambda-otel-kit/docker-lambda-base:ci" \
        && verify "$name" "$tag" "${function_events[@]}" --extensions ;;
    *)
      log "FAILED: $dockerfile has no verification in scripts/images/run.sh"
      failed+=("unverified $dockerfile") ;;
  esac
done

if [ "$built" -eq 0 ]; then
  log "FAILED: no image matched LAMBDA_OTEL_IMAGES_ONLY=${LAMBDA_OTEL_IMAGES_ONLY:-}"
  exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
  log "FAILED after $((SECONDS - start)) s: ${failed[*]}"
  exit 1
fi
which="every image"
trimmed="${only# }"
[ -z "${LAMBDA_OTEL_IMAGES_ONLY:-}" ] || which="every selected image (${trimmed% })"
log "$which built, served its invocations and delivered its traces, in $((SECONDS - start)) s"
