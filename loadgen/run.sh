#!/usr/bin/env sh
# Runs the end-to-end load generator from a packaged build (mvn -B -o -pl loadgen -am -DskipTests package).
# Example: loadgen/run.sh --rate 5000 --duration 60      loadgen/run.sh --max --orders 60000
# JAVA_OPTS adds JVM flags, e.g. JAVA_OPTS="-XX:StartFlightRecording=filename=e2e.jfr,settings=profile".
here=$(cd "$(dirname "$0")" && pwd)
exec java -Xmx4g -XX:+UseParallelGC ${JAVA_OPTS} -cp "$here/target/carbonx-loadgen.jar:$here/target/lib/*" \
  io.carbonx.loadgen.LoadGenerator "$@"
