#!/bin/sh
# Web workload: writes a page naming the container that serves it, then runs busybox httpd in the
# foreground. PORT (default 80) and MESSAGE are optional environment variables.
port="${PORT:-80}"
host="$(hostname)"
mkdir -p /www
cat > /www/index.html <<PAGE
<!doctype html>
<title>clusterctl workload</title>
<p>served by container ${host}</p>
<p>${MESSAGE:-hello from clusterctl}</p>
PAGE
printf '%s\n' "$host" > /www/hostname
echo "web: serving /www on port ${port} as ${host}"
# As PID 1, httpd itself would ignore TERM (no handler) and only die by KILL after the grace
# period: keep the shell as PID 1, forward TERM/INT and exit at once.
httpd -f -v -p "$port" -h /www &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; echo "web: stopped"; exit 0' TERM INT
wait "$pid"
status=$?
echo "web: httpd exited ($status)"
exit "$status"
