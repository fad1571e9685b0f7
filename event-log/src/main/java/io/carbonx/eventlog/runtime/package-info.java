/**
 * The seam between the {@code carbonx} node and the service modules.
 *
 * <p>A service module implements {@link io.carbonx.eventlog.runtime.CarbonxService} and lists the class in
 * {@code META-INF/services/io.carbonx.eventlog.runtime.CarbonxService}; the node discovers it with
 * {@link java.util.ServiceLoader}, gives it its configuration section ({@code services.<name>}), creates the topics
 * it declares, starts it after the Kafka cluster is reachable, reports its health on {@code /health} and stops it
 * before Vert.x and the broker close. Nothing here depends on the node.
 */
package io.carbonx.eventlog.runtime;
