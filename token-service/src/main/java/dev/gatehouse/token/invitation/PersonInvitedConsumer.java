package dev.gatehouse.token.invitation;

import dev.gatehouse.events.Topics;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.events.directory.PersonInvited;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Sends the invitation a company admin asked for (directory-service's {@code PersonInvited} on
 * {@code directory.user.v1}). Applied once per event; a mail server that is away is retried like a database that
 * is away.
 */
@ApplicationScoped
public class PersonInvitedConsumer {

    static final String CONSUMER = "token.invitations";

    private final IdempotentConsumer consumer;

    public PersonInvitedConsumer(IdempotentConsumer consumer, Invitations invitations) {
        this.consumer = consumer;
        consumer.register(CONSUMER, Topics.DIRECTORY_USER, envelope -> {
            if (!envelope.eventType().equals(DirectoryEvents.PERSON_INVITED.name())) {
                return null;
            }
            PersonInvited invited = envelope.payloadAs(DirectoryEvents.PERSON_INVITED);
            return (Supplier<Uni<Void>>) () -> invitations.invite(invited, envelope.actor());
        });
    }

    @Incoming("directory-users")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }
}
