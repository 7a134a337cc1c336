package dev.gatehouse.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Map;

/** Runs this service's outbox relay from start-up to shutdown, with metrics. */
@ApplicationScoped
public class OutboxRelayService {

    private final OutboxConfig config;
    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter failures;
    private RelayWorker worker;

    public OutboxRelayService(OutboxConfig config, AgroalDataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.config = config;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("gatehouse.outbox.published")
                .description("Events the outbox relay published to Kafka").register(registry);
        this.failures = Counter.builder("gatehouse.outbox.publish.failures")
                .description("Relay rounds that failed (Kafka or database unavailable)").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        OutboxRelay relay = new OutboxRelay(dataSource, config.batchSize(), config.sendTimeout(),
                !config.retention().isZero());
        TopicProvisioner topics = new TopicProvisioner(kafkaConfig, config.topicPartitions(),
                config.topicReplicationFactor(), config.sendTimeout(), config.createTopics());
        worker = new RelayWorker(relay, topics, () -> RelayProducers.create(kafkaConfig, config.sendTimeout()),
                config.pollInterval(), config.maxBackoff(), config.retention(), new RelayWorker.Listener() {
                    @Override
                    public void published(int count) {
                        published.increment(count);
                    }

                    @Override
                    public void failed(Exception e) {
                        failures.increment();
                    }
                });
        worker.start("outbox-relay");
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }
}
