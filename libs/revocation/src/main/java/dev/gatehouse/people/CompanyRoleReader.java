package dev.gatehouse.people;

import dev.gatehouse.events.EventEnvelope;
import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.feed.FeedReader;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code directory.company-role.v1} whole into a {@link CompanyRoleBook}: the topic is compacted, so from its
 * beginning it holds the newest role of each person in each company, and nothing else worth keeping.
 */
public final class CompanyRoleReader extends FeedReader {

    private final CompanyRoleBook book;

    public CompanyRoleReader(Map<String, Object> kafkaConfig, Timing timing, CompanyRoleBook book, Clock clock) {
        super(Topics.DIRECTORY_COMPANY_ROLE, kafkaConfig, timing, clock);
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
        }
    }

    @Override
    protected String caughtUpSummary() {
        return book.size() + " people's company roles";
    }
}
