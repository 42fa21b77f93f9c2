#!/usr/bin/env bash
# The container test: builds the images, brings up the compose topology (PostgreSQL, migrate, two
# API instances, HAProxy) on a network of its own, and runs deploy/compose/client/scenarios.mjs
# against the load balancer only: reads, writes, a comment across instances, a token revoked on
# one instance refused by the other, and one instance stopped with SIGTERM under load with nothing
# lost. Then tears everything down, also on failure or Ctrl-C. Last line: a one-line summary.
#
#   deploy/compose/test.sh [--keep-images]
#
# Needs root (it starts dockerd when none is running, and stops it again), the .NET 10 SDK and
# Node 20. Installs docker.io, docker-compose, mmdebstrap (and curl) with apt when they are missing.
# With no container registry reachable, the official base images are replaced by local
# equivalents made from Debian packages (deploy/docker/local-bases.sh); the Dockerfiles are the
# same. The build stage restores from NuGet and npm over the host's network (docker build
# --network host): the registries this machine reaches, and nothing else, are reachable there.
# --keep-images keeps the built images (and the local bases) for a faster next run.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd "$HERE/../.." && pwd -P)
# shellcheck source=deploy/docker/local-bases.sh
source "$REPO/deploy/docker/local-bases.sh"

keep_images=0
for arg in "$@"; do
  case $arg in
    --keep-images) keep_images=1 ;;
    *) echo "usage: $0 [--keep-images]" >&2; exit 2 ;;
  esac
done

say() { printf '[container test] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

started_at=$(date +%s)
[[ $EUID -eq 0 ]] || die "run as root: it installs packages and may start dockerd"
command -v dotnet >/dev/null || die "the .NET SDK is needed (its runtimes go into the local base images)"
{ command -v node && command -v npm; } >/dev/null || die "Node 20 with npm is needed"

# --- tools -------------------------------------------------------------------------------------
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  say "installing ${missing[*]} with apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

work=$(mktemp -d /var/tmp/hr-container-test.XXXXXX)
project=hrtest$$
compose=(docker-compose --project-name "$project" -f "$HERE/docker-compose.yml" -f "$HERE/docker-compose.test.yml")
dockerd_pid=
images=()
# Kept images keep one tag, so the next run's build replaces them (from the layer cache).
if ((keep_images)); then tag=kept; else tag=test-$$; fi

# --- clean-up: whatever was started, in reverse order --------------------------------------------
cleanup() {
  local status=$?
  trap '' INT TERM   # let the clean-up finish even if Ctrl-C is pressed again
  if [[ -f $work/compose-up ]]; then
    if ((status != 0)); then
      say "logs of the failed run (last lines of each service):"
      "${compose[@]}" logs --no-color --tail 40 >&2 2>/dev/null || true
    fi
    "${compose[@]}" down --volumes --remove-orphans --timeout 10 >/dev/null 2>&1 || true
  fi
  if ((keep_images == 0)) && [[ -f $work/images-before ]]; then
    # Every image this run made (tags, local bases, build stages), none that was there before.
    local image
    for image in "${images[@]}"; do docker image rm "$image" >/dev/null 2>&1 || true; done
    # Newest first (as docker lists them, duplicates dropped): children go before their parents.
    while read -r image; do
      grep -qx "$image" "$work/images-before" || docker image rm -f "$image" >/dev/null 2>&1 || true
    done < <(docker images -aq --no-trunc | awk '!seen[$0]++')
  fi
  if [[ -n $dockerd_pid ]]; then
    say "stopping the dockerd this test started"
    kill "$dockerd_pid" 2>/dev/null || true
    wait "$dockerd_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- dockerd ----------------------------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  say "starting dockerd (log: $work/dockerd.log)"
  dockerd --pidfile "$work/dockerd.pid" >"$work/dockerd.log" 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || { cat "$work/dockerd.log" >&2; die "dockerd stopped"; }
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || die "dockerd did not answer within 30 s"
fi

# --- images -------------------------------------------------------------------------------------------
build_started=$(date +%s)
docker images -aq --no-trunc | sort -u >"$work/images-before"
local_base_build "$work/bases"
mapfile -t app_args < <(local_base_args app)
mapfile -t debian_args < <(local_base_args debian)

# The build context: the repository's files as git sees them (tracked, and new files not ignored),
# so nothing the host built (bin/, obj/, node_modules/) enters it. The legacy builder reads no
# Dockerfile.dockerignore; a tar of the right files works with every builder.
(cd "$REPO" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do [[ -e $file ]] && printf '%s\0' "$file"; done |
  tar --null -T - -cf "$work/context.tar")

app_image=headlessreviews:$tag
postgres_image=headlessreviews-postgres:$tag
lb_image=headlessreviews-haproxy:$tag
images=("$app_image" "$postgres_image" "$lb_image")

say "building $app_image (deploy/docker/Dockerfile)"
docker build --network host "${app_args[@]}" -f deploy/docker/Dockerfile -t "$app_image" - \
  <"$work/context.tar" >"$work/build-app.log" 2>&1 || { tail -n 40 "$work/build-app.log" >&2; die "the app image did not build"; }
say "building $postgres_image and $lb_image (Debian's postgresql-15 and haproxy)"
docker build --network host "${debian_args[@]}" -t "$postgres_image" "$REPO/deploy/docker/postgres" \
  >"$work/build-postgres.log" 2>&1 || { tail -n 40 "$work/build-postgres.log" >&2; die "the PostgreSQL image did not build"; }
docker build --network host "${debian_args[@]}" -t "$lb_image" "$REPO/deploy/docker/haproxy" \
  >"$work/build-lb.log" 2>&1 || { tail -n 40 "$work/build-lb.log" >&2; die "the load balancer image did not build"; }
build_seconds=$(($(date +%s) - build_started))
mb() { echo $(($(docker image inspect -f '{{.Size}}' "$1") / 1000000)); }
app_mb=$(mb "$app_image")
base_mb=$(mb "$LOCAL_BASE_PREFIX/dotnet-aspnet:10.0")
say "images built in ${build_seconds}s: app ${app_mb} MB (its runtime base ${base_mb} MB), PostgreSQL $(mb "$postgres_image") MB, HAProxy $(mb "$lb_image") MB"

# --- the topology -----------------------------------------------------------------------------------
# Secrets for this run only, in env files outside the images.
secret() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
mkdir -p "$work/secrets"
db_password=$(secret)
admin_token="hr_test_$(secret)"
printf 'POSTGRES_PASSWORD=%s\n' "$db_password" >"$work/secrets/db.env"
{
  printf 'ConnectionStrings__Reviews=Host=db;Port=5432;Database=headlessreviews;Username=postgres;Password=%s\n' "$db_password"
  printf 'HeadlessReviews__AdminToken=%s\n' "$admin_token"
  printf 'HeadlessReviews__Comments__SigningKey=%s\n' "$(secret)"
  printf 'HeadlessReviews__Comments__AddressHashKey=%s\n' "$(secret)"
} >"$work/secrets/api.env"
chmod 600 "$work/secrets/"*.env

# A free loopback port for the load balancer, the only published port.
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export HR_SECRETS_DIR=$work/secrets HR_HTTP_BIND=127.0.0.1 HR_HTTP_PORT=$port
export HR_IMAGE=$app_image HR_POSTGRES_IMAGE=$postgres_image HR_LB_IMAGE=$lb_image

say "starting the topology (project $project, load balancer on 127.0.0.1:$port)"
up_started=$(date +%s)
touch "$work/compose-up"
"${compose[@]}" up -d --no-build >"$work/compose-up.log" 2>&1 || { cat "$work/compose-up.log" >&2; die "docker-compose up failed"; }
migrate_container=$("${compose[@]}" ps -q migrate)
[[ $(docker inspect -f '{{.State.ExitCode}}' "$migrate_container") == 0 ]] || die "the migration did not succeed"

# Both instances healthy behind the balancer (their Docker health check is /health/live; HAProxy's is /health/ready).
ready=0
for _ in $(seq 1 120); do
  seen=$(for _ in 1 2 3 4; do curl -s -o /dev/null -D - --max-time 2 "http://127.0.0.1:$port/health/ready" | tr -d '\r' | sed -n 's/^x-served-by: //Ip'; done | sort -u | tr '\n' ' ')
  if [[ $seen == "api1 api2 " ]]; then ready=1; break; fi
  sleep 0.5
done
((ready)) || die "the two instances never both answered behind the load balancer (saw: ${seen:-none})"
up_seconds=$(($(date +%s) - up_started))
say "topology ready in ${up_seconds}s"

# --- the scenarios ------------------------------------------------------------------------------------
(cd "$HERE/client" && npm ci --no-audit --no-fund --loglevel=error >&2)
api1_container=$("${compose[@]}" ps -q api1)
status=0
HR_URL="http://127.0.0.1:$port" HR_ADMIN_TOKEN=$admin_token HR_STOP_CONTAINER=$api1_container \
  node "$HERE/client/scenarios.mjs" | tee "$work/client.log" || status=$?

counts=$(tail -n 1 "$work/client.log")
figures=$(sed -n 's/^figures: //p' "$work/client.log")
[[ $counts =~ ^[0-9]+\ passed,\ [0-9]+\ failed$ ]] || { counts="0 passed, 1 failed"; status=1; }
duration=$(($(date +%s) - started_at))
echo "container test: $counts in ${duration}s (build ${build_seconds}s, topology up ${up_seconds}s; app image ${app_mb} MB on a ${base_mb} MB runtime base)${figures:+ $figures}"
exit "$status"
