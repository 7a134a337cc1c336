package dev.gatehouse.outbox;

import dev.gatehouse.events.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the services' topic creation meets a broker that someone else manages. */
class TopicProvisionerTest {

    /** Nothing listens there: a provisioner that tries to create a topic fails. */
    private static final Map<String, Object> UNREACHABLE = Map.of("bootstrap.servers", "127.0.0.1:1");

    @Test
    void topicsManagedElsewhereAreNeverCreated() throws Exception {
        try (TopicProvisioner creating = new TopicProvisioner(UNREACHABLE, 1, (short) 1, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> creating.ensure(Topics.ALL)).isInstanceOf(PublishFailedException.class);
        }
        try (TopicProvisioner managed = new TopicProvisioner(UNREACHABLE, 1, (short) 1, Duration.ofMillis(300),
                false)) {
            managed.ensure(Topics.ALL);
        }
    }

    @Test
    void itsAdminClientReachesASecuredBrokerAsTheServicesClientsDo() {
        Map<String, Object> kafka = Map.of("bootstrap.servers", "gatehouse-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/etc/gatehouse/kafka-ca/ca.crt",
                "group.id", "directory-service");

        try (TopicProvisioner topics = new TopicProvisioner(kafka, 3, (short) 3, Duration.ofSeconds(1))) {
            assertThat(topics.adminConfig()).containsAllEntriesOf(Map.of(
                    "bootstrap.servers", "gatehouse-kafka-bootstrap:9093", "security.protocol", "SASL_SSL",
                    "sasl.mechanism", "SCRAM-SHA-512", "ssl.truststore.location", "/etc/gatehouse/kafka-ca/ca.crt"))
                    .containsKey("sasl.jaas.config").doesNotContainKey("group.id");
        }
    }
}
