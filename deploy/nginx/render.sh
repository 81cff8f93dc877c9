#!/bin/sh
# Print the nginx site for Softmax Explorer's replicas: deploy/nginx/softmax-explorer.conf.template, filled in.
#
#   deploy/nginx/render.sh LISTEN NAME=ADDRESS...    e.g. render.sh 80 r1=127.0.0.1:5101 r2=127.0.0.1:5102
#
# LISTEN: what nginx's `listen` takes (80, 127.0.0.1:8080, "443 ssl"). NAME: what the replica calls itself
# (SOFTMAX_EXPLORER_REPLICA; letters, digits, - and _), ADDRESS: where nginx reaches it (host:port).
# SERVER_NAME: the name students type (default: any). TLS_CERT and TLS_KEY (files): serve HTTPS on LISTEN.
# Run by deploy/serve-replicas.sh, the nginx service of deploy/compose.yaml and the tests, so all use one site.
set -eu
LISTEN=${1:?usage: render.sh LISTEN NAME=ADDRESS...}
shift
[ $# -gt 0 ] || { echo "render.sh: no replicas given" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)

for replica do
    name=${replica%%=*} address=${replica#*=}
    case $name in "" | *[!A-Za-z0-9_-]*) echo "render.sh: bad replica name in '$replica'" >&2; exit 2 ;; esac
    case $address in "" | *[!A-Za-z0-9_.:-]* | "$replica") echo "render.sh: bad address in '$replica'" >&2; exit 2 ;; esac
done

group() {  # an upstream group: $1 its name, $2 its comment, $3 its balancing ("" or least_conn), $4 the
    # servers' parameters, then the replicas. The zone shares the failures nginx saw among its workers.
    name=$1 comment=$2 balance=$3 extra=$4
    shift 4
    printf 'upstream %s {  # %s\n    zone %s 64k;\n' "$name" "$comment" "$name"
    [ -z "$balance" ] || printf '    %s;\n' "$balance"
    for replica do printf '    server %s%s;  # %s\n' "${replica#*=}" "$extra" "${replica%%=*}"; done
    printf '}\n'
}

upstreams() {
    group softmax "new pages: the least busy replica with room (a 503 keeps it out for 10 s)" least_conn "" "$@"
    group softmax_files "scripts and styles, the same everywhere: any replica that answers" least_conn "" "$@"
    group softmax_any "a page when every replica is full; a websocket without a cookie" least_conn \
        " max_fails=0" "$@"
    for replica do
        name=${replica%%=*} address=${replica#*=}
        printf 'upstream softmax_%s {  # pages of a browser that was on %s: there, else the others\n' "$name" "$name"
        printf '    zone softmax_%s 64k;\n    server %s;\n' "$name" "$address"
        for other do [ "$other" = "$replica" ] || printf '    server %s backup;  # %s\n' "${other#*=}" "${other%%=*}"; done
        printf '}\n'
        group "softmax_only_$name" "the websockets of its pages: there or nowhere" "" "" "$replica"
    done
    printf 'map $cookie_softmax_replica $softmax_pages {\n    default softmax;\n'
    for replica do printf '    %s softmax_%s;\n' "${replica%%=*}" "${replica%%=*}"; done
    printf '}\n'
    printf 'map $cookie_softmax_replica $softmax_only {\n    default softmax_any;\n'
    for replica do printf '    %s softmax_only_%s;\n' "${replica%%=*}" "${replica%%=*}"; done
    printf '}\n'
}

listen() {
    if [ -n "${TLS_CERT:-}" ]; then
        printf '    listen %s ssl;\n    ssl_certificate %s;\n    ssl_certificate_key %s;\n' \
            "$LISTEN" "$TLS_CERT" "${TLS_KEY:?TLS_KEY must name the key of TLS_CERT}"
        printf '    ssl_protocols TLSv1.2 TLSv1.3;\n'
    else
        printf '    listen %s;\n' "$LISTEN"
    fi
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
upstreams "$@" >"$TMP/upstreams"
listen >"$TMP/listen"
awk -v upstreams="$TMP/upstreams" -v listen="$TMP/listen" -v server_name="${SERVER_NAME:-_}" '
    function copy(file,   line) { while ((getline line < file) > 0) print line; close(file) }
    /^@UPSTREAMS@$/ { copy(upstreams); next }
    /^@LISTEN@$/ { copy(listen); next }
    { gsub(/@SERVER_NAME@/, server_name); print }
' "$HERE/softmax-explorer.conf.template"
