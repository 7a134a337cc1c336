package dev.gatehouse.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.impl.ReactiveKafkaConsumer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes every Kafka consumer channel at the same time when the service stops.
 * <p>
 * The connector closes its channels one after another, each waiting up to twice its close timeout to commit and
 * leave the group; with the broker down that is about 2 s a channel, so a service reading seven channels needed
 * most of its termination grace period for them alone (docs/architecture.md, "Kafka dies, then a service is
 * stopped"). Closed here in parallel, the connector's own close later finds them closed and returns at once.
 * It runs before the other shutdown observers so that no channel takes a record the service can no longer finish.
 */
@ApplicationScoped
public class ConsumerChannelsShutdown {

    private static final Logger LOG = Logger.getLogger(ConsumerChannelsShutdown.class);

    private final KafkaClientService clients;

    public ConsumerChannelsShutdown(KafkaClientService clients) {
        this.clients = clients;
    }

    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        List<Thread> closing = new ArrayList<>();
        for (String channel : clients.getConsumerChannels()) {
            for (KafkaConsumer<Object, Object> consumer : clients.<Object, Object>getConsumers(channel)) {
                // The interface has no close(); the connector's implementation does, and tolerates a second call.
                if (consumer instanceof ReactiveKafkaConsumer<?, ?> reactive) {
                    Thread thread = new Thread(() -> close(channel, reactive), "gatehouse-close-" + channel);
                    thread.start();
                    closing.add(thread);
                }
            }
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void close(String channel, ReactiveKafkaConsumer<?, ?> consumer) {
        try {
            consumer.close();
        } catch (RuntimeException e) {
            // Its own timeout ended the wait; the connector's close will not wait again.
            LOG.debugf("Kafka channel %s did not close cleanly: %s", channel, e.getClass().getSimpleName());
        }
    }
}
