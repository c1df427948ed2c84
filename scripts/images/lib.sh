# Shared settings of the image step (sourced by the scripts beside it).
# No Docker engine runs here: images are built with buildah and run with podman, rootful, on
# the vfs storage driver with runc and cgroupfs (what works inside this sandbox), host network.
images_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$images_dir/../.." && pwd)"
# Gitignored cache: the debootstrap'd root file system, staged build contexts, logs.
cache_dir="${LAMBDA_OTEL_IMAGES_CACHE:-$repo_root/.stage/images}"
# pnpm as scripts/bootstrap.sh installs it (stage-function.mjs packs the kit with it).
export PATH="$repo_root/.tools/node_modules/.bin:$PATH"
storage_flags=(--storage-driver vfs)
run_flags=(--runtime runc --cgroup-manager cgroupfs --network host
  --ulimit nofile=1024:1024 --ulimit nproc=1024:1024)

pm() { podman "${storage_flags[@]}" "$@"; }

# bh_build TAG DOCKERFILE CONTEXT [--build-arg K=V]... : a build whose output goes to a log.
bh_build() {
  local tag=$1 file=$2 context=$3
  shift 3
  buildah "${storage_flags[@]}" build "${run_flags[@]}" --layers=false -f "$file" -t "$tag" "$@" "$context"
}

log() { printf '==> images: %s\n' "$*"; }
