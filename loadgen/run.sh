#!/usr/bin/env sh
# Runs the end-to-end load generator from a packaged build (mvn -B -o -pl loadgen -am -DskipTests package).
# Example: loadgen/run.sh --rate 5000 --duration 60      loadgen/run.sh --max --orders 60000
# JAVA_OPTS adds JVM flags, e.g. JAVA_OPTS="-XX:StartFlightRecording=filename=e2e.jfr,settings=profile".
# CARBONX_* variables override the embedded node's settings as for `carbonx run`,
# e.g. CARBONX_SERVICES_CHAIN_ANCHOR_MAX_BLOCK_MS=30 loadgen/run.sh --rate 100 --duration 30.
here=$(cd "$(dirname "$0")" && pwd)
exec java -Xmx4g -XX:+UseParallelGC ${JAVA_OPTS} -cp "$here/target/carbonx-loadgen.jar:$here/target/lib/*" \
  io.carbonx.loadgen.LoadGenerator "$@"
