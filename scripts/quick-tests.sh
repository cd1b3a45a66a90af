#!/usr/bin/env bash
# The inner loop behind `./run-tests --quick`: every test of the server's own modules (core, store
# contracts, JDBC stores, server, Java SDK) that needs neither PostgreSQL nor a browser nor another
# program (JUnit tags postgres, browser, external left out), in ONE JVM, three test classes at a time.
#
# Why not Maven's test phase: Surefire starts a JVM per module, and each of them loads and compiles
# Helidon, Jackson, nimbus and SQLite again (a second JVM of the server's tests alone cost ~20 s of
# CPU); a module also waits for the one before it. Maven still compiles, and says the classpath of
# each module (dependency:build-classpath); JUnit's console launcher runs the union of them.
#
# Arguments go to the console launcher: --include-classname='.*CorsTest' runs the matching classes;
# --select-class=dev.atrium.… or --select-method=dev.atrium.…#name runs just that (no scan).
# Test logs: target/quick-tests/output.log; JUnit's XML reports: target/quick-tests/reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
. scripts/find-jdk.sh

modules=(atrium-core atrium-store-tck atrium-store-jdbc atrium-server atrium-client)
out="$root/target/quick-tests"
mkdir -p "$out"

# Maven's own JVM lives seconds: on C1 alone it spends half the CPU (measured: 4.4 s against 8.7 s).
export MAVEN_OPTS="${MAVEN_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
mvn -B -q -Pquick-loop test-compile dependency:build-classpath -Dmdep.outputFile=target/quick-tests.classpath \
  -pl "$(IFS=,; echo "${modules[*]}")" -am

# Each module's tests, then its classes, then every jar any module needs, each once (the BOMs pin one
# version of each library, so the union has no two versions of one).
scan=()
for m in "${modules[@]}"; do
  scan+=("--scan-classpath=$root/$m/target/test-classes")
done
classpath="$(
  for m in "${modules[@]}"; do echo "$root/$m/target/test-classes"; done
  for m in "${modules[@]}"; do echo "$root/$m/target/classes"; done
  for m in "${modules[@]}"; do tr ':' '\n' < "$m/target/quick-tests.classpath"; echo; done
)"
classpath="$(printf '%s\n' "$classpath" | awk 'NF && !seen[$0]++' | paste -sd: -)"
for arg in "$@"; do
  case "$arg" in --select*|--uid*|-[cmpufdori]) scan=() ;; esac # a selection replaces the scan of every module
done

# C1 alone: this JVM lives well under a minute, so C2's compilations would cost more CPU than they
# save. The methods of a test class stay on one thread; classes that share nothing between their
# tests say so with @Execution(CONCURRENT). The working directory is the server's, as under Surefire.
echo "run-tests: ${#modules[@]} modules' tests in one JVM; test logs in ${out#"$root"/}/output.log" >&2
status=0
(cd atrium-server && "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
  -cp "$classpath" org.junit.platform.console.ConsoleLauncher execute \
  --disable-banner --details=summary --fail-if-no-tests --reports-dir="$out/reports" \
  ${scan[@]+"${scan[@]}"} --exclude-tag=postgres --exclude-tag=browser --exclude-tag=external \
  --config=junit.jupiter.execution.parallel.enabled=true \
  --config=junit.jupiter.execution.parallel.mode.classes.default=concurrent \
  --config=junit.jupiter.execution.parallel.mode.default=same_thread \
  --config=junit.jupiter.execution.parallel.config.strategy=fixed \
  --config=junit.jupiter.execution.parallel.config.fixed.parallelism=3 \
  "$@" 2> "$out/output.log") || status=$?
# 1 is failed tests (the summary above names them); anything else is the launcher refusing its
# arguments (it says why in the log's first line, then its usage) or finding no test.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
  echo "run-tests: JUnit's console launcher exited $status; from ${out#"$root"/}/output.log:" >&2
  head -n 3 "$out/output.log" >&2
fi
exit $status
