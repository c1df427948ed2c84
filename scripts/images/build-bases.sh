#!/usr/bin/env bash
# Builds the two local stand-in base images (remote images cannot be pulled here) and writes
# their tags to $cache_dir/bases.env:
#   NODE_BASE   stands in for node:20-bookworm-slim (debootstrap'd Debian + this machine's Node.js)
#   LAMBDA_BASE stands in for public.ecr.aws/lambda/nodejs:20 (same contract, see base/)
# The debootstrap'd root file system is cached under $cache_dir and the images are tagged by a
# hash of their inputs, so a rerun rebuilds nothing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
mirror="${LAMBDA_OTEL_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
mkdir -p "$cache_dir"
rootfs_tar="$cache_dir/rootfs-bookworm-minbase.tar"

if [ ! -s "$rootfs_tar" ]; then
  log "debootstrap bookworm (minbase) from $mirror"
  tmp="$(mktemp -d "$cache_dir/rootfs.XXXXXX")"
  debootstrap --variant=minbase bookworm "$tmp/root" "$mirror" >"$cache_dir/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache_dir/debootstrap.log"; echo "debootstrap failed" >&2; exit 1; }
  rm -rf "$tmp/root"/usr/share/{doc,man,info,locale} "$tmp/root"/var/cache/apt/archives/*.deb \
    "$tmp/root"/var/lib/apt/lists/*
  tar -C "$tmp/root" --numeric-owner -cf "$rootfs_tar.part" .
  mv "$rootfs_tar.part" "$rootfs_tar"
  rm -rf "$tmp"
fi

node_bin="$(readlink -f "$(command -v node)")"
npm_dir="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"
headers="$(dirname "$node_bin")/../include/node"
[ -f "$headers/node.h" ] || { echo "Node.js headers not found at $headers" >&2; exit 1; }
ric_dir="$(readlink -f "$repo_root/packages/testing/node_modules/aws-lambda-ric")"
[ -f "$ric_dir/rapid-client.node" ] || { echo "aws-lambda-ric is not installed (run pnpm install)" >&2; exit 1; }

key() { sha256sum | cut -c1-12; }
ric_version="$(node -p "require('$ric_dir/package.json').version")"
inputs="$( (node --version; echo "$ric_version"; stat -c %s "$rootfs_tar";
  cat "${BASH_SOURCE[0]}" "$images_dir/base/lambda-entrypoint.sh") | key)"
node_tag="localhost/lambda-otel-kit/standin-node:20-$inputs"
lambda_tag="localhost/lambda-otel-kit/standin-lambda-nodejs:20-$inputs"

# Each base is one layer imported from a root file system assembled here: no build steps, so
# nothing is copied layer by layer on the vfs driver.
assemble() { # assemble DIR: Debian + Node.js laid out as in node:20-bookworm-slim
  mkdir -p "$1" && tar -C "$1" -xf "$rootfs_tar"
  mkdir -p "$1/usr/local/bin" "$1/usr/local/lib/node_modules" "$1/usr/local/include"
  cp "$node_bin" "$1/usr/local/bin/node"
  cp -a "$npm_dir" "$1/usr/local/lib/node_modules/npm"
  cp -a "$headers" "$1/usr/local/include/node"
  # As in debian:bookworm-slim, which the node image is built on: dpkg skips fsync and docs.
  mkdir -p "$1/etc/dpkg/dpkg.cfg.d"
  echo force-unsafe-io >"$1/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  printf 'path-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/man/*\npath-exclude /usr/share/info/*\npath-exclude /usr/share/locale/*\n' \
    >"$1/etc/dpkg/dpkg.cfg.d/docker"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"
  # This sandbox reaches the npm registry through a TLS-intercepting egress proxy: the stand-in
  # trusts what this machine trusts (public certificates only), the real image needs nothing.
  if [ -s /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$1/etc/ssl/certs" && cp /etc/ssl/certs/ca-certificates.crt "$1/etc/ssl/certs/"
  fi
}
import() { # import DIR TAG CHANGE...
  local dir=$1 tag=$2
  shift 2
  local changes=()
  for change in "$@"; do changes+=(--change "$change"); done
  tar -C "$dir" --numeric-owner -cf "$dir.tar" .
  pm import --quiet "${changes[@]}" "$dir.tar" "$tag" >/dev/null
  rm -rf "$dir" "$dir.tar"
}
ca_env="NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt"
[ -s /etc/ssl/certs/ca-certificates.crt ] || ca_env="NODE_EXTRA_CA_CERTS="

if ! pm image exists "$node_tag"; then
  log "building $node_tag (Debian bookworm minbase + Node.js $(node --version))"
  assemble "$cache_dir/base-node"
  import "$cache_dir/base-node" "$node_tag" \
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "ENV $ca_env" \
    'CMD ["node"]'
fi

# The AWS base image's contract: node under /var/lang/bin, the runtime interface client under
# /var/runtime (here the aws-lambda-ric the workspace compiled), LAMBDA_TASK_ROOT=/var/task as the
# working directory, /lambda-entrypoint.sh taking the handler from CMD.
if ! pm image exists "$lambda_tag"; then
  log "building $lambda_tag (aws-lambda-ric $ric_version as /var/runtime)"
  dir="$cache_dir/base-lambda"
  assemble "$dir"
  mkdir -p "$dir/var/runtime" "$dir/var/lang/bin" "$dir/var/task" "$dir/opt/extensions"
  cp "$ric_dir/index.mjs" "$ric_dir/rapid-client.node" "$ric_dir/package.json" "$dir/var/runtime/"
  printf '#!/bin/sh\nexec /var/lang/bin/node /var/runtime/index.mjs\n' >"$dir/var/runtime/bootstrap"
  cp "$images_dir/base/lambda-entrypoint.sh" "$dir/lambda-entrypoint.sh"
  chmod 755 "$dir/var/runtime/bootstrap" "$dir/lambda-entrypoint.sh"
  ln -s /usr/local/bin/node "$dir/var/lang/bin/node"
  ln -s /usr/local/bin/npm "$dir/var/lang/bin/npm"
  import "$dir" "$lambda_tag" \
    "ENV PATH=/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin" "ENV $ca_env" \
    "ENV LANG=en_US.UTF-8" "ENV TZ=:/etc/localtime" \
    "ENV LAMBDA_TASK_ROOT=/var/task" "ENV LAMBDA_RUNTIME_DIR=/var/runtime" \
    "WORKDIR /var/task" 'ENTRYPOINT ["/lambda-entrypoint.sh"]'
fi

printf 'NODE_BASE=%s\nLAMBDA_BASE=%s\n' "$node_tag" "$lambda_tag" >"$cache_dir/bases.env"
log "stand-in bases: $node_tag, $lambda_tag"
