package dev.gatehouse.people;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.feed.FeedReader;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code directory.company-role.v1} and {@code apps.developer-role.v1} whole into a {@link RoleBook}: both
 * topics are compacted, so from their beginning they hold the newest role of each person in each company and
 * organization, and nothing else worth keeping.
 */
public final class RoleReader extends FeedReader {

    private final RoleBook book;

    public RoleReader(Map<String, Object> kafkaConfig, Timing timing, RoleBook book, Clock clock) {
        super(List.of(Topics.DIRECTORY_COMPANY_ROLE, Topics.APPS_DEVELOPER_ROLE), kafkaConfig, timing, clock);
        this.book = book;
    }

    @Override
    protected void seekToStart(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
    }

    @Override
    protected void apply(EventEnvelope event) {
        if (DirectoryEvents.COMPANY_ROLE_CHANGED.name().equals(event.eventType())) {
            book.apply(event.payloadAs(DirectoryEvents.COMPANY_ROLE_CHANGED));
        } else if (AppsEvents.DEVELOPER_ROLE_CHANGED.name().equals(event.eventType())) {
            book.apply(event.payloadAs(AppsEvents.DEVELOPER_ROLE_CHANGED));
        }
    }

    @Override
    protected String caughtUpSummary() {
        return book.size() + " people's roles in companies and organizations";
    }
}
