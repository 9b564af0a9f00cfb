#!/bin/sh
# Entrypoint of a clusterctl lab node: one container standing in for one VM. It makes the kernel
# interfaces a Docker engine needs writable (when the container is not --privileged), starts the
# node's own Docker engine, links `clusterctl` onto PATH from the read-only repository mount, and,
# when this node already belongs to a cluster (a restart after `lab kill` / `lab start`), starts the
# clusterctl node daemon again as a VM's boot would. TERM/INT are forwarded and waited for, so
# `docker stop` shuts the inner engine down cleanly.
#
# Environment: LAB_REPO (path of the clusterctl checkout mounted read-only, same path as on the host),
# CLUSTERCTL_DATA_DIR (default /var/lib/clusterctl).
set -u
say() { echo "lab-node: $*"; }
data_dir=${CLUSTERCTL_DATA_DIR:-/var/lib/clusterctl}

# --- kernel interfaces (no-ops under --privileged, where they are already writable)
if grep -qE '^[^ ]+ /sys sysfs ro[, ]' /proc/mounts; then
  mount -o remount,rw /sys || say "warning: could not remount /sys read-write"
fi
if grep -qE '^[^ ]+ /sys/fs/cgroup tmpfs ro[, ]' /proc/mounts; then
  mount -o remount,rw /sys/fs/cgroup || say "warning: could not remount /sys/fs/cgroup read-write"
fi
# cgroup v1 controllers: a plain remount fails as busy; a bind remount works.
grep -E '^[^ ]+ /sys/fs/cgroup/[^ ]+ cgroup2? ro[, ]' /proc/mounts | while read -r _ mp _; do
  mount -o remount,bind,rw "$mp" || say "warning: could not remount $mp read-write"
done
if [ -d /sys/kernel/security ] && ! mountpoint -q /sys/kernel/security; then
  mount -t securityfs none /sys/kernel/security 2>/dev/null || true
fi

# --- leftovers of a crash (`docker kill`): nothing runs yet, so runtime state is stale
rm -rf /var/run/docker.pid /var/run/docker.sock /var/run/docker /run/containerd
# ... and so is the daemon's pid file: after a restart its pid may name another process of this
# fresh pid namespace (as /run is emptied on a VM's boot).
rm -f "$data_dir/daemon.pid" "$data_dir/control.sock"

if [ -n "${LAB_REPO:-}" ] && [ -f "$LAB_REPO/deploy/clusterctl" ]; then
  ln -sf "$LAB_REPO/deploy/clusterctl" /usr/local/bin/clusterctl
fi

# --- the node's own engine
dockerd --host=unix:///var/run/docker.sock --storage-driver=overlay2 >>/var/log/dockerd.log 2>&1 &
dockerd_pid=$!

stop() {
  say "stopping (signal $1)"
  if [ -f "$data_dir/daemon.pid" ]; then
    kill -TERM "$(cat "$data_dir/daemon.pid")" 2>/dev/null || true
  fi
  kill -TERM "$dockerd_pid" 2>/dev/null || true
  while kill -0 "$dockerd_pid" 2>/dev/null; do wait "$dockerd_pid"; done
  exit 0
}
trap 'stop TERM' TERM
trap 'stop INT' INT

i=0
until docker version >/dev/null 2>&1; do
  if ! kill -0 "$dockerd_pid" 2>/dev/null; then
    say "dockerd exited; last lines of /var/log/dockerd.log:"
    tail -n 20 /var/log/dockerd.log
    exit 1
  fi
  i=$((i + 1))
  if [ "$i" -gt 600 ]; then say "dockerd did not answer within 60 s"; tail -n 20 /var/log/dockerd.log; exit 1; fi
  sleep 0.1
done
say "docker engine ready"
touch /run/lab-node-engine-ready

# --- a node of a cluster boots its daemon (a fresh node waits for `clusterctl init` / `join`)
if [ -f "$data_dir/node.json" ] && command -v clusterctl >/dev/null 2>&1; then
  say "node.json found: clusterctl start"
  clusterctl start >>/var/log/clusterctl-start.log 2>&1 || say "clusterctl start failed (see /var/log/clusterctl-start.log)"
fi
touch /run/lab-node-ready
say "ready"

while kill -0 "$dockerd_pid" 2>/dev/null; do wait "$dockerd_pid"; done
say "dockerd exited"
exit 1
