# Sourced by ./atrium after the build, with $jar, $modules and the opts array set: fills the aot
# array with the JVM options that use the server's AOT cache, training it first when needed.
aot=()
# JDK 25+: an AOT cache of the server's loaded and linked classes and method profiles (JEP 483,
# 514, 515), made once per build (and JDK, and options) by a short training run; a restart is ready
# in ~0.9 s instead of ~1.7 s (docs/performance.md). ATRIUM_AOT=0 turns it off. The JVM's own
# warnings go to stderr so that they never mix with a command's output (--json); the AOT cache's
# are errors only (JDK 25.0.3 warns about an adapter stub on every start, harmlessly).
if [ "${ATRIUM_AOT:-1}" != 0 ] && [ "$modules" = atrium-server ] && [ "$(atrium_java_major "$JAVA_HOME")" -ge 25 ]; then
  cache="${jar%.jar}.aot"
  key="$JAVA_HOME $(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$JAVA_HOME/release" 2>/dev/null) ${opts[*]}"
  # The JVM refuses a cache older than any jar on the class path (lib/ holds the other modules).
  current() { # the cache exists, was made for this JDK and these options, and no class-path jar is newer
    [ -f "$cache" ] && [ "$(cat "$cache.key" 2>/dev/null)" = "$key" ] &&
      [ -z "$(find "$jar" "$(dirname "$jar")/lib" -newer "$cache" -print -quit 2>/dev/null)" ]
  }
  # A training that failed for this build and key is not retried on every launch (it costs ~20 s).
  fresh=no; current && fresh=yes
  if [ $fresh = no ] && ! { [ "$(cat "$cache.failed" 2>/dev/null)" = "$key" ] && [ "$cache.failed" -nt "$jar" ]; }; then
    echo "atrium: training the JDK AOT cache (once per build, ~20 s)..." >&2
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT # an interrupted training leaves nothing behind either
    # The training makes its own store in $tmp/store and reads no flag, ATRIUM_* variable or
    # properties file: it runs under the operator's environment and must never touch the operator's
    # store, data directory or port. It also runs from $tmp, away from any ./atrium.properties.
    # The store is made in another JVM first, so Flyway stays out of the cache as it stays out of a restart.
    if (cd "$tmp" && "$JAVA_HOME/bin/java" "${opts[@]}" -jar "$jar" aot-training prepare "$tmp/store" > "$tmp/log" 2>&1 &&
        "$JAVA_HOME/bin/java" "${opts[@]}" -XX:AOTCacheOutput="$tmp/atrium.aot" -Xlog:disable -Xlog:all=warning:stderr -Xlog:aot*=error:stderr \
            -jar "$jar" aot-training run "$tmp/store" >> "$tmp/log" 2>&1) &&
       [ -f "$tmp/atrium.aot" ]; then
      mv -f "$tmp/atrium.aot" "$cache" && printf '%s\n' "$key" > "$cache.key" && rm -f "$cache.failed" && fresh=yes
    else
      echo "atrium: AOT training failed; running without the cache until the next build. Its output:" >&2
      tail -n 20 "$tmp/log" >&2
      printf '%s\n' "$key" > "$cache.failed"
    fi
    rm -rf "$tmp"
    trap - EXIT
  fi
  if [ $fresh = yes ]; then
    aot=(-XX:AOTCache="$cache" -Xlog:disable -Xlog:all=warning:stderr -Xlog:aot*=error:stderr)
  fi
fi
