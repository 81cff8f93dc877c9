#!/bin/sh
# `panel serve app` with a class server's settings. Every way of serving the app starts it through this script
# (make serve, the Dockerfile, the systemd unit, the browser tests), so these settings are the ones tested.
#
#   deploy/serve.sh [--max-training-sessions N] [PANEL SERVE OPTIONS...]   e.g. deploy/serve.sh --port 5006
#
# --max-training-sessions N (or SOFTMAX_EXPLORER_MAX_TRAINING=N): past N students training in this process, a new
# student gets the explorer and a message on the training tab (components/admission.py); 10 fills one core
# (BENCHMARKS.md). Unset or 0: no limit. SOFTMAX_EXPLORER_REPLICA=NAME names the process to nginx (app/replica.py).
# PANEL: the command that runs Panel (default: panel). The host name students type goes in Bokeh's own variable,
# BOKEH_ALLOW_WS_ORIGIN=ml.example.edu (a comma-separated list); without it only pages opened at localhost:PORT
# may open a websocket, and a page from any other origin is refused.
#   --session-token-expiration 60     a page has a minute from its HTML to its websocket (a full room's load)
#   --check-unused-sessions 2000      sessions without a connection are looked at every 2 s ...
#   --unused-session-lifetime 60000   ... and one whose page has not connected yet is kept a minute (a full room
#                                     builds 40 pages at once); a page that was open and closed is freed about
#                                     5 s after it closed (app/sessions.py), its training stopped at once
#   --websocket-max-message-size      4 MB: uploads come in 1 MB chunks; nothing else a browser sends is big
# No --admin: the admin page is not served. Later options given on the command line win over these.
set -eu
cd "$(dirname "$0")/.."
for arg do  # take --max-training-sessions out of the arguments; pass the rest to panel serve
    shift
    if [ -n "${limit_next:-}" ]; then
        export SOFTMAX_EXPLORER_MAX_TRAINING="$arg" limit_next=""
        continue
    fi
    case $arg in
        --max-training-sessions) limit_next=1; continue ;;
        --max-training-sessions=*) export SOFTMAX_EXPLORER_MAX_TRAINING="${arg#*=}"; continue ;;
    esac
    set -- "$@" "$arg"
done
# Bokeh checks every new document's models (about 30 ms a page); the tests build the same pages with checks on.
export BOKEH_VALIDATE_DOC="${BOKEH_VALIDATE_DOC:-false}"
# shellcheck disable=SC2086  # PANEL may be a command with arguments, such as "python -m panel"
exec ${PANEL:-panel} serve app \
    --liveness \
    --session-token-expiration 60 \
    --check-unused-sessions 2000 \
    --unused-session-lifetime 60000 \
    --websocket-max-message-size 4000000 \
    "$@"
