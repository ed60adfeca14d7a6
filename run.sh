#!/usr/bin/env bash
# MizarNF's one entry point for a fresh machine (root, Debian 12, .NET SDK):
#   ./run.sh demo    install what is missing, build, run the main job
#   ./run.sh test    install what is missing, build, run every test
#   ./run.sh setup   only install and build
#   ./run.sh pipeline  compose, verify and test-run the pipelines of the plugins (no testbed)
# Setup is idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(clang-14 llvm-14 libbpf1 libbpf-dev iproute2 iputils-ping iperf3 tshark xdp-tools procps ethtool util-linux
  podman runc conmon containernetworking-plugins busybox-static iptables python3)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

mount_bpffs() {
  mountpoint -q /sys/fs/bpf || mount -t bpf bpf /sys/fs/bpf
}

build() {
  log "building (dotnet build MizarNF.sln)"
  dotnet build MizarNF.sln -c Release -nologo -v q -clp:ErrorsOnly
  # The CNI plugin runs as a process per call: published NativeAOT (again only when its sources
  # changed), where tests, benchmarks and NodeRuntime/Cni/install-cni.sh take it from.
  local cni=artifacts/cni/mizarnf-cni
  if [ ! -x "$cni" ] || find NodeRuntime/Cni NodeRuntime/Api Directory.Build.props Directory.Packages.props \
       -not -path '*/bin/*' -not -path '*/obj/*' -type f -newer "$cni" -print -quit | grep -q .; then
    log "publishing mizarnf-cni (NativeAOT)"
    dotnet publish NodeRuntime/Cni/MizarNF.Cni.csproj -c Release -nologo -v q -clp:ErrorsOnly -o artifacts/cni
  fi
}

setup() {
  [ "$(id -u)" = 0 ] || { echo "MizarNF loads eBPF programs and makes network namespaces: run as root" >&2; exit 1; }
  command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required" >&2; exit 1; }
  install_packages
  mount_bpffs
  build
}

run_tests() {
  local out; out=$(mktemp -d)
  log "running tests"
  set +e
  dotnet test MizarNF.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$out/log.txt"
  local rc=${PIPESTATUS[0]}
  set -e
  # One closing line for every project together, in the form CI reads.
  awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
       END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$out/log.txt"
  rm -rf "$out"
  return "$rc"
}

case "${1:-}" in
  setup) setup ;;
  demo) setup; log "main job: mizarnf demo"; dotnet Cli/bin/Release/net10.0/mizarnf.dll demo ;;
  pipeline) setup; dotnet Cli/bin/Release/net10.0/mizarnf.dll pipeline ;;
  test) setup; run_tests ;;
  *) echo "usage: $0 demo|test|setup|pipeline" >&2; exit 2 ;;
esac
