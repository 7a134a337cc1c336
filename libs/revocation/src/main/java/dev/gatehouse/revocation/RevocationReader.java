package dev.gatehouse.revocation;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.feed.FeedReader;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code token.revocation.v1} into a {@link Denylist}. At start it seeks to a token lifetime back (plus clock
 * skew): nothing older can still matter, and reading every revocation ever made would not end.
 */
public final class RevocationReader extends FeedReader {

    private final RevocationConfig config;
    private final Denylist denylist;
    private Instant lastForget = Instant.EPOCH;

    public RevocationReader(Map<String, Object> kafkaConfig, RevocationConfig config, Denylist denylist,
            Clock clock) {
        super(List.of(Topics.TOKEN_REVOCATION), kafkaConfig, new Timing(config.pollTimeout(), config.maxBackoff(),
                config.partitionCheckInterval()), clock);
        this.config = config;
        this.denylist = denylist;
    }

    @Override
    protected void seekToStart(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        long from = clock.instant().minus(config.maxTokenLifetime()).minus(config.clockSkew()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, config.maxBackoff());
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            if (at != null) {
                consumer.seek(p, at.offset());
            } else {
                // Nothing that recent in this partition: only what comes from now on matters.
                consumer.seekToEnd(List.of(p));
            }
        }
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (TokenEvents.TOKEN_REVOKED.name().equals(event.eventType())) {
            denylist.apply(event.payloadAs(TokenEvents.TOKEN_REVOKED), event.occurredAt());
        }
    }

    @Override
    protected void afterPoll() {
        Instant now = clock.instant();
        if (Duration.between(lastForget, now).toSeconds() >= 60) {
            denylist.forgetExpired(now);
            lastForget = now;
        }
    }

    @Override
    protected String caughtUpSummary() {
        return denylist.size() + " revocations in force";
    }
}
