package dev.gatehouse.token.invitation;

import dev.gatehouse.events.Topics;
import dev.gatehouse.events.apps.AppsEvents;
import dev.gatehouse.events.directory.DirectoryEvents;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Supplier;

/**
 * Sends the invitations others ask for: a company admin's ({@code PersonInvited} on {@code directory.user.v1}) and
 * an organization owner's ({@code DeveloperInvited} on {@code apps.developer-org.v1}). Applied once per event; a
 * mail server that is away is retried like a database that is away.
 */
@ApplicationScoped
public class InvitationRequestsConsumer {

    static final String CONSUMER = "token.invitations";

    private final IdempotentConsumer consumer;

    public InvitationRequestsConsumer(IdempotentConsumer consumer, Invitations invitations) {
        this.consumer = consumer;
        consumer.register(CONSUMER, Topics.DIRECTORY_USER, envelope -> {
            if (!envelope.eventType().equals(DirectoryEvents.PERSON_INVITED.name())) {
                return null;
            }
            Invitations.Invitee invitee = Invitations.Invitee.of(envelope.payloadAs(DirectoryEvents.PERSON_INVITED));
            return (Supplier<Uni<Void>>) () -> invitations.invite(invitee, envelope.actor());
        });
        consumer.register(CONSUMER, Topics.APPS_DEVELOPER_ORG, envelope -> {
            if (!envelope.eventType().equals(AppsEvents.DEVELOPER_INVITED.name())) {
                return null;
            }
            Invitations.Invitee invitee = Invitations.Invitee.of(envelope.payloadAs(AppsEvents.DEVELOPER_INVITED));
            return (Supplier<Uni<Void>>) () -> invitations.invite(invitee, envelope.actor());
        });
    }

    @Incoming("directory-users")
    public Uni<Void> people(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }

    @Incoming("developer-orgs")
    public Uni<Void> developers(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }
}
