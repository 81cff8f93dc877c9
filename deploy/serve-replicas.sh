#!/bin/sh
# A class server on one machine: R replicas of the app (deploy/serve.sh, one process a core, on loopback ports)
# and nginx in front of them (deploy/nginx/), all run as the calling user; prints the address students open.
# Stops everything it started on Ctrl-C or SIGTERM. `make serve-class R=4` runs it.
#
#   deploy/serve-replicas.sh            (settings from the environment:)
#
#   R=2                replicas (default: one a core)
#   PORT=8080          nginx's port;  LISTEN=PORT: what nginx listens on (e.g. 127.0.0.1:8080, or "443 ssl" with
#                      TLS_CERT and TLS_KEY, see deploy/nginx/render.sh)
#   PUBLIC=host:port   the address students type (default: this machine's name and PORT); only pages opened there
#                      (or at localhost:PORT) may open a websocket
#   REPLICA_PORT=5101  the first replica's port (loopback only; the next ones follow)
#   MAX_TRAINING=10    training students a replica admits (components/admission.py; 10 fill a core, BENCHMARKS.md)
#   RUN_DIR=...        nginx's prefix and everyone's logs (default: a new directory under /tmp)
#   PANEL, NGINX       the commands that run Panel and nginx (default: panel, nginx)
#
# The replicas write RUN_DIR/logs/rN.log and RUN_DIR/rN.pid; nginx RUN_DIR/logs/access.log and error.log.
# A replica that dies stays down (its students' pages say so, and a reload opens on another); systemd's template
# unit, Compose and Kubernetes restart theirs.
set -eu
cd "$(dirname "$0")/.."
R=${R:-$(nproc 2>/dev/null || echo 2)}
PORT=${PORT:-8080}
LISTEN=${LISTEN:-$PORT}
REPLICA_PORT=${REPLICA_PORT:-5101}
MAX_TRAINING=${MAX_TRAINING:-10}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}  # Debian's is in sbin, off ordinary users' PATH
if [ -z "${PUBLIC:-}" ]; then
    PUBLIC=$(hostname -f 2>/dev/null || hostname)
    [ "$PORT" = 80 ] || [ "$PORT" = 443 ] || PUBLIC="$PUBLIC:$PORT"
fi
RUN_DIR=${RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/softmax-explorer.XXXXXX")}
mkdir -p "$RUN_DIR/logs" "$RUN_DIR/tmp"

PIDS=""
stop() {
    trap - EXIT INT TERM
    for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
    for pid in $PIDS; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 143' INT TERM

replicas=""
i=1
while [ "$i" -le "$R" ]; do
    port=$((REPLICA_PORT + i - 1))
    SOFTMAX_EXPLORER_REPLICA="r$i" BOKEH_ALLOW_WS_ORIGIN="$PUBLIC,localhost:$PORT,127.0.0.1:$PORT" \
        deploy/serve.sh --address 127.0.0.1 --port "$port" --use-xheaders \
        --max-training-sessions "$MAX_TRAINING" >"$RUN_DIR/logs/r$i.log" 2>&1 &
    echo $! >"$RUN_DIR/r$i.pid"
    PIDS="$PIDS $!"
    replicas="$replicas r$i=127.0.0.1:$port"
    i=$((i + 1))
done

# shellcheck disable=SC2086  # one argument a replica
deploy/nginx/render.sh "$LISTEN" $replicas >"$RUN_DIR/site.conf"
cp deploy/nginx/nginx.conf "$RUN_DIR/nginx.conf"
"$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/error.log"

# nginx only once every replica serves: the first page a replica builds is its slowest (imports, torch).
i=1
while [ "$i" -le "$R" ]; do
    waited=0
    until grep -q "Bokeh app running" "$RUN_DIR/logs/r$i.log" 2>/dev/null; do
        if ! kill -0 "$(cat "$RUN_DIR/r$i.pid")" 2>/dev/null || [ "$waited" -ge 120 ]; then
            echo "replica r$i did not start; its log, $RUN_DIR/logs/r$i.log:" >&2
            tail -20 "$RUN_DIR/logs/r$i.log" >&2
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    i=$((i + 1))
done
"$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/logs/error.log" -g "daemon off;" &
PIDS="$PIDS $!"

scheme=http
[ -n "${TLS_CERT:-}" ] && scheme=https
echo "Softmax Explorer for the class: $scheme://$PUBLIC/app  ($R replicas, at most $MAX_TRAINING training each)"
echo "Logs and nginx's files: $RUN_DIR   (stop: Ctrl-C)"
wait
