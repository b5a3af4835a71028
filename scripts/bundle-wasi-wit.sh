#!/bin/sh
# Regenerates the WASI WIT that jwc-wasi bundles (jwc-wasi/src/main/resources/dev/jwc/wasi/wit, files listed in
# its index.txt) from the shared spec copy: wasi:cli as the top package, the others under deps/. Comment and
# blank lines are left out: the host needs no docs, and parsing a quarter of the text keeps `jwc run` start-up
# fast. BundledWasiWitTest checks that the bundled files match. Usage: scripts/bundle-wasi-wit.sh [SPEC_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
spec=${1:-$root/../shared/spec/wasi/0.2.12}
wit="$root/jwc-wasi/src/main/resources/dev/jwc/wasi/wit"
grep -v '^[[:space:]]*$' "$wit/index.txt" | while read -r file; do
    case "$file" in
        deps/*) source="$spec/${file#deps/}" ;;
        *) source="$spec/cli/$file" ;;
    esac
    mkdir -p "$(dirname "$wit/$file")"
    grep -v -e '^[[:space:]]*//' -e '^[[:space:]]*$' "$source" >"$wit/$file"
done
