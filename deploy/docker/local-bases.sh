#!/usr/bin/env bash
# Makes local stand-ins for the official base images that deploy/docker/*/Dockerfile name, for a
# machine that reaches no container registry (only Debian's, NuGet's and npm's package registries):
#
#   headlessreviews-local/debian:bookworm-slim  bookworm from Debian packages (mmdebstrap, minbase)
#                                              with what .NET needs (the official images' runtime-deps)
#   headlessreviews-local/dotnet-aspnet:10.0    + this machine's .NET and ASP.NET Core runtimes, user app (1654)
#   headlessreviews-local/dotnet-sdk:10.0       + this machine's whole .NET SDK
#   headlessreviews-local/node:20               + this machine's node and npm, where the official image has them
#
# The Dockerfiles are not changed: their build arguments point at these (see local_base_args).
# Sourced by deploy/compose/test.sh; run on its own it makes the images and prints those arguments.
# Needs root (mmdebstrap), docker, the .NET 10 SDK and Node 20 on the host.
set -euo pipefail

LOCAL_BASE_PREFIX=headlessreviews-local
LOCAL_BASE_LABEL=org.headlessreviews.local-base=1

local_base_say() { printf '%s\n' "$*" >&2; }

# The builder's output is kept out of the way (the legacy builder's notice on every build) and
# shown when a build fails.
local_base_failed() {
  tail -n 30 "$1" >&2
  local_base_say "error: a local base image did not build"
  return 1
}

# local_base_args app|debian: the --build-arg options (one a line) that make deploy/docker/Dockerfile
# (app) or the PostgreSQL and HAProxy Dockerfiles (debian) use the local bases.
local_base_args() {
  case ${1:?app or debian} in
    app)
      printf '%s\n' \
        --build-arg "SDK_IMAGE=$LOCAL_BASE_PREFIX/dotnet-sdk:10.0" \
        --build-arg "ASPNET_IMAGE=$LOCAL_BASE_PREFIX/dotnet-aspnet:10.0" \
        --build-arg "NODE_IMAGE=$LOCAL_BASE_PREFIX/node:20" ;;
    debian)
      printf '%s\n' --build-arg "DEBIAN_IMAGE=$LOCAL_BASE_PREFIX/debian:bookworm-slim" ;;
  esac
}

# local_base_build WORKDIR: makes the four images (each skipped when it exists already).
local_base_build() {
  local work=${1:?work folder}
  mkdir -p "$work"

  local dotnet_root node_bin npm_dir
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  node_bin=$(readlink -f "$(command -v node)")
  # npm is a link to npm/bin/npm-cli.js: its package folder is two levels up.
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  [[ -d $dotnet_root/shared/Microsoft.AspNetCore.App ]] || { local_base_say "error: no ASP.NET Core runtime under $dotnet_root"; return 1; }
  [[ $("$node_bin" --version) == v2[0-9].* ]] || { local_base_say "error: node 20 or later needed, found $("$node_bin" --version)"; return 1; }

  local debian=$LOCAL_BASE_PREFIX/debian:bookworm-slim
  if ! docker image inspect "$debian" >/dev/null 2>&1; then
    local_base_say "making $debian with mmdebstrap (Debian bookworm, minbase)"
    # The packages of the official .NET runtime-deps images: libc, libgcc, libstdc++, ICU, OpenSSL,
    # zlib, time zones, CA certificates. mmdebstrap leaves the apt lists and caches out; like
    # Debian's slim images, no manuals, documentation (but the copyrights) or translations.
    mmdebstrap --quiet --variant=minbase \
      --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --dpkgopt='path-exclude=/usr/share/locale/*' \
      --include=ca-certificates,libgcc-s1,libicu72,libssl3,libstdc++6,tzdata,zlib1g \
      bookworm "$work/bookworm.tar"
    docker import --change 'CMD ["bash"]' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change "LABEL $LOCAL_BASE_LABEL" \
      "$work/bookworm.tar" "$debian" >/dev/null
    rm -f "$work/bookworm.tar"
  fi

  local aspnet=$LOCAL_BASE_PREFIX/dotnet-aspnet:10.0
  if ! docker image inspect "$aspnet" >/dev/null 2>&1; then
    local_base_say "making $aspnet from $dotnet_root (runtimes only)"
    local ctx=$work/aspnet
    rm -rf "$ctx" && mkdir -p "$ctx/dotnet"
    cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$dotnet_root/LICENSE.txt" "$ctx/dotnet/"
    # The same user and variables as the official image, so the app's Dockerfile works on both.
    docker build --quiet --label "$LOCAL_BASE_LABEL" -t "$aspnet" -f - "$ctx" >"$work/build.log" 2>&1 <<EOF || local_base_failed "$work/build.log"
FROM $debian
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --gid 1654 app && useradd --no-log-init --uid 1654 --gid 1654 --create-home app
ENV APP_UID=1654 ASPNETCORE_HTTP_PORTS=8080 DOTNET_RUNNING_IN_CONTAINER=true
EOF
    rm -rf "$ctx"
  fi

  local sdk=$LOCAL_BASE_PREFIX/dotnet-sdk:10.0
  if ! docker image inspect "$sdk" >/dev/null 2>&1; then
    local_base_say "making $sdk from $dotnet_root"
    local ctx=$work/sdk
    rm -rf "$ctx" && mkdir -p "$ctx/ca"
    cp -a "$dotnet_root" "$ctx/dotnet"
    # Certificate authorities this machine added to its trust store (a TLS-inspecting proxy in
    # front of the package registries): the build stage's restore and npm ci must trust them too.
    if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
      cp /usr/local/share/ca-certificates/*.crt "$ctx/ca/"
    fi
    docker build --quiet --label "$LOCAL_BASE_LABEL" -t "$sdk" -f - "$ctx" >"$work/build.log" 2>&1 <<EOF || local_base_failed "$work/build.log"
FROM $debian
COPY dotnet /usr/share/dotnet
COPY ca/ /usr/local/share/ca-certificates/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && update-ca-certificates >/dev/null
ENV DOTNET_RUNNING_IN_CONTAINER=true DOTNET_USE_POLLING_FILE_WATCHER=true \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
EOF
    rm -rf "$ctx"
  fi

  local node=$LOCAL_BASE_PREFIX/node:20
  if ! docker image inspect "$node" >/dev/null 2>&1; then
    local_base_say "making $node from $node_bin"
    local ctx=$work/node
    rm -rf "$ctx" && mkdir -p "$ctx"
    cp -a "$node_bin" "$ctx/node"
    cp -a "$npm_dir" "$ctx/npm"
    # Where the official node image keeps them, which is where the app's Dockerfile copies from.
    docker build --quiet --label "$LOCAL_BASE_LABEL" -t "$node" -f - "$ctx" >"$work/build.log" 2>&1 <<EOF || local_base_failed "$work/build.log"
FROM $debian
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
EOF
    rm -rf "$ctx"
  fi
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/hr-local-bases.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  local_base_build "$work"
  local_base_args app
  local_base_args debian
fi
