package dev.gatehouse.outbox;

import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The relay's thread: publishes batches while there are rows, sleeps {@code pollInterval} when the outbox is
 * empty, and backs off exponentially (up to {@code maxBackoff}) while Kafka or the database fails, logging the
 * outage once rather than on every attempt. A failed producer is thrown away and a new one made, so no stale
 * idempotence state survives an outage.
 */
public final class RelayWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    /** What the worker reports, for metrics. */
    public interface Listener {
        void published(int count);

        void failed(Exception e);
    }

    private final OutboxRelay relay;
    private final TopicProvisioner topics;
    private final Supplier<Producer<String, String>> producers;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Duration retention;
    private final Listener listener;
    private volatile boolean running = true;
    private Thread thread;
    private Producer<String, String> producer;

    public RelayWorker(OutboxRelay relay, TopicProvisioner topics, Supplier<Producer<String, String>> producers,
            Duration pollInterval, Duration maxBackoff, Duration retention, Listener listener) {
        this.relay = relay;
        this.topics = topics;
        this.producers = producers;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.retention = retention;
        this.listener = listener;
    }

    public synchronized void start(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the current batch; a batch in flight either commits or rolls back, nothing is lost. */
    public void stop(Duration wait) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        topics.close();
    }

    @Override
    public void run() {
        Duration backoff = Duration.ZERO;
        Instant nextPurge = Instant.now().plus(PURGE_EVERY);
        boolean failing = false;
        while (running) {
            try {
                if (producer == null) {
                    producer = producers.get();
                }
                int published = relay.publishBatch(producer, topics);
                if (failing) {
                    LOG.info("outbox relay recovered; publishing again");
                    failing = false;
                }
                backoff = Duration.ZERO;
                if (published > 0) {
                    listener.published(published);
                    continue;
                }
                if (Instant.now().isAfter(nextPurge)) {
                    relay.purgePublished(retention);
                    nextPurge = Instant.now().plus(PURGE_EVERY);
                }
                sleep(pollInterval);
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                listener.failed(e);
                if (!failing) {
                    LOG.warnf("outbox relay cannot publish, will retry with backoff: %s", e.getMessage());
                    failing = true;
                }
                closeProducer();
                backoff = backoff.isZero() ? pollInterval : min(backoff.multipliedBy(2), maxBackoff);
                sleep(backoff);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void closeProducer() {
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // a producer that cannot close cleanly is discarded all the same
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
