package dev.gatehouse.outbox;

import dev.gatehouse.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates Gatehouse topics with the partition count and replication factor we choose, instead of leaving them to
 * the broker's auto-creation defaults. Remembers what it has made sure of, so the relay's hot path asks Kafka once
 * per topic. Where someone else owns the topics (Strimzi's KafkaTopic resources on Kubernetes, whose users may not
 * create topics) it is built with {@code create} off and creates nothing.
 */
public final class TopicProvisioner implements AutoCloseable {

    private final Map<String, Object> adminConfig;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;
    private final boolean create;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private Admin admin;

    public TopicProvisioner(Map<String, Object> kafkaConfig, int partitions, short replicationFactor,
            Duration timeout) {
        this(kafkaConfig, partitions, replicationFactor, timeout, true);
    }

    public TopicProvisioner(Map<String, Object> kafkaConfig, int partitions, short replicationFactor,
            Duration timeout, boolean create) {
        // Whatever an admin client understands of the services' Kafka settings: the bootstrap servers and the
        // security ones too (security.protocol, sasl.*, ssl.*), so that it reaches a secured broker as they do.
        this.adminConfig = new HashMap<>();
        kafkaConfig.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                adminConfig.put(name, value);
            }
        });
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
        this.create = create;
    }

    /** The admin client's settings (tests). */
    Map<String, Object> adminConfig() {
        return Map.copyOf(adminConfig);
    }

    /** Makes sure every topic exists (unless topics are created elsewhere); throws {@link PublishFailedException} when Kafka cannot be reached. */
    public synchronized void ensure(Collection<String> topics) throws PublishFailedException {
        if (!create) {
            return;
        }
        List<NewTopic> missing = topics.stream().filter(t -> !known.contains(t))
                .map(this::newTopic).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        for (NewTopic topic : missing) {
            try {
                admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                known.add(topic.name());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new PublishFailedException("could not create topic " + topic.name(), e.getCause());
                }
                known.add(topic.name());
            } catch (TimeoutException e) {
                throw new PublishFailedException("Kafka did not answer while creating " + topic.name(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException("interrupted", e);
            }
        }
    }

    private NewTopic newTopic(String name) {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        if (Topics.COMPACTED.contains(name)) {
            // Only the newest record per key counts (people's roles): readers load the whole topic at start.
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
