# Sourced by ./atrium, ./run-tests and .ci/run: exports JAVA_HOME of a JDK 21+ or fails.
# Order: $JAVA_HOME if it is 21+, else the newest JDK under /usr/lib/jvm (Debian, Temurin), then
# /opt and ~/.sdkman. Atrium targets Java 21 bytecode and uses virtual threads.

atrium_java_major() { # prints the feature version of the java at $1/bin/java, or 0
  local v
  # The JDK's release file says it without starting a JVM (~0.15 s saved on every launch).
  v=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$v" ] && [ -x "$1/bin/java" ] || \
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  case "$v" in 1.*) echo 0 ;; "") echo 0 ;; *) echo "${v%%.*}" ;; esac
}

atrium_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(atrium_java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(atrium_java_major "$d")
    if [ "$v" -gt "$best_v" ]; then best="$d"; best_v=$v; fi
  done
  if [ "$best_v" -lt 21 ]; then
    echo "atrium: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}; looked in /usr/lib/jvm, /opt, ~/.sdkman)." >&2
    echo "atrium: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$(cd "$best" && pwd -P)"
}

atrium_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
