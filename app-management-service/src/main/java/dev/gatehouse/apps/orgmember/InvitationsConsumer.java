package dev.gatehouse.apps.orgmember;

import dev.gatehouse.events.Topics;
import dev.gatehouse.events.token.InvitationAccepted;
import dev.gatehouse.events.token.TokenEvents;
import dev.gatehouse.outbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Links an organization's member to the account that took their invitation (token-service's
 * {@code InvitationAccepted}, kind {@code developer_org}). A link that cannot be made is logged and skipped rather
 * than parked (parking would hold up every later event of that account); the owner sees the member still invited
 * and can invite again.
 */
@ApplicationScoped
public class InvitationsConsumer {

    static final String CONSUMER = "apps.invitations";
    private static final Logger LOG = Logger.getLogger(InvitationsConsumer.class);

    private final IdempotentConsumer consumer;

    public InvitationsConsumer(IdempotentConsumer consumer, OrgMemberService members) {
        this.consumer = consumer;
        consumer.register(CONSUMER, Topics.TOKEN_ACCOUNT, envelope -> {
            if (!envelope.eventType().equals(TokenEvents.INVITATION_ACCEPTED.name())) {
                return null;
            }
            InvitationAccepted accepted = envelope.payloadAs(TokenEvents.INVITATION_ACCEPTED);
            if (!InvitationAccepted.DEVELOPER_ORG.equals(accepted.kind())) {
                return null;
            }
            return (Supplier<Uni<Void>>) () -> members.link(accepted.scopeId(), accepted.memberId(),
                    accepted.accountId(), envelope.actor()).invoke(refusal -> refusal.ifPresent(why -> LOG.warnf(
                            "invitation %s not linked: %s", accepted.invitationId(), why))).replaceWithVoid();
        });
    }

    @Incoming("accounts")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(CONSUMER, record);
    }
}
