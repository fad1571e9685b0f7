package io.carbonx.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

/**
 * Gives tests a real Kafka: {@code @ExtendWith(KafkaBrokerExtension.class)} and a {@link KafkaBroker} parameter (test
 * method, constructor, {@code @BeforeAll}/{@code @BeforeEach} method), or {@link #broker(ExtensionContext)} from
 * another extension.
 *
 * <p>Contract:
 * <ul>
 *   <li>One broker per kind per test run (the JUnit root context: in practice per test JVM), started lazily by the
 *       first test that asks for it, shared by every later test and class, and stopped when the run ends: it lives
 *       in the root {@link ExtensionContext.Store} as an {@link AutoCloseable}, which JUnit closes with the root
 *       context (the {@code Store.CloseableResource} interface is deprecated since JUnit 5.13 in favour of
 *       exactly this).</li>
 *   <li>The kind is, in order: {@link UseKafka} on the test method or class (or an enclosing class), the system
 *       property {@value #KIND_PROPERTY} (or the JUnit configuration parameter of that name), else
 *       {@link KafkaBrokerKind#EMBEDDED}. {@code -Dcarbonx.kafka=testcontainers} switches every unpinned test.</li>
 *   <li>When the chosen kind is {@link KafkaBrokerKind#TESTCONTAINERS} and no Docker engine answers, the test (or
 *       class) is <em>disabled</em>, so it is reported skipped, never failed. The probe runs once per run.</li>
 *   <li>An unknown value of {@value #KIND_PROPERTY} fails the test with an {@link ExtensionConfigurationException}
 *       naming the property.</li>
 * </ul>
 */
public final class KafkaBrokerExtension implements ParameterResolver, ExecutionCondition {

    /** System property / configuration parameter choosing the broker kind: {@code embedded} or {@code testcontainers}. */
    public static final String KIND_PROPERTY = "carbonx.kafka";
    /** The image of the Testcontainers variant: the same Kafka version as the clients. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final String DOCKER_PROBE_KEY = "docker-available";

    /** The shared broker of the kind {@code context} asks for, started if it is not yet. */
    public static KafkaBroker broker(ExtensionContext context) {
        KafkaBrokerKind kind = requestedKind(context);
        if (kind == KafkaBrokerKind.TESTCONTAINERS && !dockerAvailable(context)) {
            throw new ExtensionConfigurationException("Testcontainers Kafka requested but no Docker engine is available");
        }
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(kind, KafkaBrokerExtension::start, AbstractKafkaBroker.class);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        KafkaBrokerKind kind = requestedKind(context);
        if (kind == KafkaBrokerKind.TESTCONTAINERS && !dockerAvailable(context)) {
            return ConditionEvaluationResult.disabled("Kafka via Testcontainers (" + KAFKA_IMAGE
                    + ") requested, but no Docker engine is available");
        }
        return ConditionEvaluationResult.enabled("Kafka broker kind: " + kind);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker(extensionContext);
    }

    static KafkaBrokerKind requestedKind(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            Optional<UseKafka> pinned = element.flatMap(e -> AnnotationSupport.findAnnotation(e, UseKafka.class));
            if (pinned.isPresent()) {
                return pinned.get().value();
            }
        }
        String property = System.getProperty(KIND_PROPERTY);
        Optional<String> configured = property != null ? Optional.of(property)
                : context.getConfigurationParameter(KIND_PROPERTY);
        try {
            return configured.map(KafkaBrokerKind::parse).orElse(KafkaBrokerKind.EMBEDDED);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static boolean dockerAvailable(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(DOCKER_PROBE_KEY,
                key -> probeDocker(), Boolean.class);
    }

    private static boolean probeDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static AbstractKafkaBroker start(KafkaBrokerKind kind) {
        return kind == KafkaBrokerKind.EMBEDDED ? EmbeddedBroker.start() : ContainerBroker.start();
    }
}
