# Sourced by ./jwc and ./build: sets JAVA_HOME to a JDK >= 21 or exits with one line.
# Order: $JAVA_HOME, the java on PATH, then /usr/lib/jvm/*.

jdk_major() { # prints the feature version of the JDK at $1
    # The release file answers without starting a JVM (each start costs ./jwc ~100 ms).
    if [ -f "$1/release" ] && grep -q '^JAVA_VERSION="[0-9]' "$1/release"; then
        sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
        return
    fi
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

jdk_ok() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    major=$(jdk_major "$1")
    [ -n "$major" ] && [ "$major" -ge 21 ]
}

find_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then
        return 0
    fi
    if command -v java >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
        if jdk_ok "$candidate"; then
            JAVA_HOME=$candidate
            return 0
        fi
    fi
    for candidate in /usr/lib/jvm/*; do
        if jdk_ok "$candidate"; then
            JAVA_HOME=$candidate
            return 0
        fi
    done
    echo "jwc: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    exit 1
}

find_jdk
export JAVA_HOME
