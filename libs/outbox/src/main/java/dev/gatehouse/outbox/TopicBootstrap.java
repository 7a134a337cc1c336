package dev.gatehouse.outbox;

import dev.gatehouse.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Creates every known Gatehouse topic at start-up, before any consumer subscribes: a consumer of a topic whose
 * producer has not started yet then waits on an existing, empty topic instead of on the broker's auto-creation
 * defaults, and the audit trail's pattern subscription sees every topic at once.
 */
@ApplicationScoped
public class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    private final Map<String, Object> kafkaConfig;
    private final OutboxConfig config;

    public TopicBootstrap(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!config.createTopics()) {
            return;
        }
        try (TopicProvisioner topics = new TopicProvisioner(kafkaConfig, config.topicPartitions(),
                config.topicReplicationFactor(), config.sendTimeout())) {
            topics.ensure(Topics.ALL);
        } catch (PublishFailedException e) {
            LOG.warnf("could not create the Gatehouse topics at start-up (%s); they are created on first publish",
                    e.getMessage());
        }
    }
}
