package io.carbonx.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the broker kind for a test class or method, overriding the {@value KafkaBrokerExtension#KIND_PROPERTY}
 * property. A test pinned to {@link KafkaBrokerKind#TESTCONTAINERS} is skipped (not failed) without a Docker engine.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface UseKafka {
    KafkaBrokerKind value();
}
