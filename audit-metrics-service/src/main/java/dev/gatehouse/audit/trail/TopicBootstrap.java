package dev.gatehouse.audit.trail;

import dev.gatehouse.events.Topics;
import dev.gatehouse.outbox.OutboxConfig;
import dev.gatehouse.outbox.PublishFailedException;
import dev.gatehouse.outbox.TopicProvisioner;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Creates every known Gatehouse topic before the trail's consumer subscribes, so its pattern subscription sees
 * them at once instead of at the next metadata refresh. Topics that appear later are found by that refresh.
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
        try (TopicProvisioner topics = new TopicProvisioner(kafkaConfig, config.topicPartitions(),
                config.topicReplicationFactor(), config.sendTimeout())) {
            topics.ensure(Topics.ALL);
        } catch (PublishFailedException e) {
            LOG.warnf("could not create the Gatehouse topics at start-up (%s); the consumer will find them later",
                    e.getMessage());
        }
    }
}
