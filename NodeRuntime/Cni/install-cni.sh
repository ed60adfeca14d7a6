#!/bin/sh
# Installs mizarnf-cni and its conflist where container runtimes look for them. Run on a node
# (./run.sh setup has published the plugin to artifacts/cni) or as the node DaemonSet's init
# container (deploy/node-daemonset.yaml: the host's directories mounted under /host).
#   install-cni.sh [--bin-dir=/opt/cni/bin] [--conf-dir=/etc/cni/net.d] [--plugin=PATH]
#                  [--conflist=PATH] [--socket=/run/mizarnf/node.sock]
# Each file is written beside its target and renamed over it, so a runtime never execs or reads
# a half-written one. Running it again replaces both; nothing else in either directory changes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin_dir=/opt/cni/bin
conf_dir=/etc/cni/net.d
plugin=
conflist=
socket=
for arg in "$@"; do
  case "$arg" in
    --bin-dir=*) bin_dir=${arg#*=} ;;
    --conf-dir=*) conf_dir=${arg#*=} ;;
    --plugin=*) plugin=${arg#*=} ;;
    --conflist=*) conflist=${arg#*=} ;;
    --socket=*) socket=${arg#*=} ;;
    *) echo "install-cni.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
# Beside this script in an image; the repository's published build otherwise.
for candidate in "$plugin" "$here/mizarnf-cni" "$here/../../artifacts/cni/mizarnf-cni"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then plugin=$candidate; break; fi
done
for candidate in "$conflist" "$here/cni-conflist.json" "$here/../../deploy/cni-conflist.json"; do
  if [ -n "$candidate" ] && [ -f "$candidate" ]; then conflist=$candidate; break; fi
done
[ -x "$plugin" ] || { echo "install-cni.sh: no mizarnf-cni executable (run ./run.sh setup, or pass --plugin=)" >&2; exit 1; }
[ -f "$conflist" ] || { echo "install-cni.sh: no conflist (pass --conflist=)" >&2; exit 1; }
# The plugin must run on this node before runtimes are pointed at it.
CNI_COMMAND=VERSION "$plugin" </dev/null >/dev/null || { echo "install-cni.sh: $plugin does not run here" >&2; exit 1; }

mkdir -p "$bin_dir" "$conf_dir"
cp "$plugin" "$bin_dir/.mizarnf-cni.tmp"
chmod 0755 "$bin_dir/.mizarnf-cni.tmp"
mv -f "$bin_dir/.mizarnf-cni.tmp" "$bin_dir/mizarnf-cni"
if [ -n "$socket" ]; then
  sed "s|\"socket\": *\"[^\"]*\"|\"socket\": \"$socket\"|" "$conflist" >"$conf_dir/.10-mizarnf.conflist.tmp"
else
  cp "$conflist" "$conf_dir/.10-mizarnf.conflist.tmp"
fi
chmod 0644 "$conf_dir/.10-mizarnf.conflist.tmp"
mv -f "$conf_dir/.10-mizarnf.conflist.tmp" "$conf_dir/10-mizarnf.conflist"
echo "installed $bin_dir/mizarnf-cni and $conf_dir/10-mizarnf.conflist"
