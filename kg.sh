#!/usr/bin/env bash
# kgstore's one set-up script. Both README commands go through it:
#   ./kg.sh run    install what is missing, build, load the sample articles
#                  into ./kgdata, then open the shell (or print statistics
#                  when there is no terminal)
#   ./kg.sh test   install what is missing, build, run every test
# Also: ./kg.sh setup | build | bench
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD=${KG_BUILD_DIR:-$ROOT/build}
JOBS=${KG_JOBS:-$(nproc)}

# Debian packages: what the build needs, then what the tests use.
BUILD_PACKAGES=(cmake ninja-build g++ pkg-config librocksdb-dev libantlr4-runtime-dev antlr4
  libfmt-dev libicu-dev libgtest-dev libgmock-dev uuid-dev libbenchmark-dev libedit-dev
  nlohmann-json3-dev libcli11-dev)
TEST_PACKAGES=(tmux serdi raptor2-utils python3-rdflib)
# The RDF 1.2 test installs the npm package n3; Node.js may come from
# elsewhere than Debian, so npm is only asked for when it is not on PATH.
command -v npm >/dev/null 2>&1 || TEST_PACKAGES+=(nodejs npm)

log() { printf '\033[1mkg.sh:\033[0m %s\n' "$*" >&2; }

install_missing() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  fi
  cmake --build "$BUILD" -j "$JOBS"
}

load_samples() {
  local db=${KG_DB:-$ROOT/kgdata}
  "$BUILD/kg" ingest --db "$db" --manifest "$ROOT/examples/manifest.tsv"
}

cmd=${1:-run}
case "$cmd" in
  setup) install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" ;;
  build) install_missing "${BUILD_PACKAGES[@]}"; build ;;
  run)
    install_missing "${BUILD_PACKAGES[@]}"
    build
    load_samples
    if [ -t 0 ] && [ -t 1 ]; then
      exec "$BUILD/kg" shell --db "${KG_DB:-$ROOT/kgdata}"
    else
      "$BUILD/kg" stats --db "${KG_DB:-$ROOT/kgdata}"
    fi
    ;;
  test)
    install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build
    cd "$BUILD" && ctest --output-on-failure -j "$JOBS" -LE fuzz
    ;;
  bench)
    install_missing "${BUILD_PACKAGES[@]}"
    build
    "$ROOT/bench/run.sh" "$BUILD"
    ;;
  *) echo "usage: $0 run|test|setup|build|bench" >&2; exit 2 ;;
esac
