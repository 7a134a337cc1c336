package dev.gatehouse.audit.usage;

import dev.gatehouse.events.Topics;
import dev.gatehouse.events.usage.ApiUsageRecorded;
import dev.gatehouse.events.usage.UsageEvents;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Every service's usage counts ({@code audit.usage.v1}) into the daily table, each event once (a redelivered one
 * adds nothing: {@code processed_event}).
 */
@ApplicationScoped
public class UsageConsumer {

    static final String CONSUMER = "audit.usage";

    private final IdempotentConsumer consumer;

    public UsageConsumer(IdempotentConsumer consumer, UsageStore store) {
        this.consumer = consumer;
        consumer.register(CONSUMER, Topics.AUDIT_USAGE, event -> {
            if (!event.eventType().equals(UsageEvents.API_USAGE_RECORDED.name())) {
                return null;
            }
            ApiUsageRecorded recorded = event.payloadAs(UsageEvents.API_USAGE_RECORDED);
            return (Supplier<Uni<Void>>) () -> store.add(recorded);
        });
    }

    @Incoming("usage")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }
}
