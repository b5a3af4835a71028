#!/bin/sh
# Runs a command N times (default 10) after one unmeasured warm-up run and prints each wall time and the
# median in milliseconds; the command's own output is discarded. Usage: scripts/median-time.sh [-n N] CMD [ARGS...]
set -eu
runs=10
if [ "${1:-}" = "-n" ]; then
    runs=$2
    shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [-n N] CMD [ARGS...]" >&2; exit 2; }
now_ms() { date +%s%N | cut -c1-13; }
"$@" >/dev/null 2>&1 || true
times=""
i=0
while [ "$i" -lt "$runs" ]; do
    start=$(now_ms)
    "$@" >/dev/null 2>&1 || true
    end=$(now_ms)
    times="$times $((end - start))"
    i=$((i + 1))
done
sorted=$(printf '%s\n' $times | sort -n)
echo "runs (ms, sorted):" $sorted
printf '%s\n' $sorted | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "median: %d ms over %d runs\n", m, NR }'
