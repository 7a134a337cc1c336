package dev.gatehouse.events.token;

import dev.gatehouse.events.EventType;
import dev.gatehouse.events.Topics;

import java.util.List;

/**
 * Events published by token-service. None carries a secret, a password or a token: secrets are named by id only.
 */
public final class TokenEvents {

    public static final String CLIENT = "Client";
    public static final String ACCOUNT = "Account";

    public static final EventType<ClientCreated> CLIENT_CREATED = client("ClientCreated", ClientCreated.class);
    public static final EventType<ClientUpdated> CLIENT_UPDATED = client("ClientUpdated", ClientUpdated.class);
    public static final EventType<ClientSecretAdded> CLIENT_SECRET_ADDED =
            client("ClientSecretAdded", ClientSecretAdded.class);
    public static final EventType<ClientSecretRevoked> CLIENT_SECRET_REVOKED =
            client("ClientSecretRevoked", ClientSecretRevoked.class);
    public static final EventType<ClientDisabled> CLIENT_DISABLED = client("ClientDisabled", ClientDisabled.class);
    public static final EventType<ClientEnabled> CLIENT_ENABLED = client("ClientEnabled", ClientEnabled.class);
    public static final EventType<ClientDeleted> CLIENT_DELETED = client("ClientDeleted", ClientDeleted.class);
    /** A company service account's whole state, for its directory user (directory-service). */
    public static final EventType<ServiceAccountChanged> SERVICE_ACCOUNT_CHANGED =
            client("ServiceAccountChanged", ServiceAccountChanged.class);
    public static final EventType<ClientAuthenticationFailed> CLIENT_AUTHENTICATION_FAILED =
            client("ClientAuthenticationFailed", ClientAuthenticationFailed.class);
    /** Keyed by client, so a client's tokens and its changes stay in one order. */
    public static final EventType<TokenIssued> TOKEN_ISSUED =
            new EventType<>("TokenIssued", 1, Topics.TOKEN_TOKEN, CLIENT, TokenIssued.class);
    /** Keyed by client too; on a topic of its own, which every resource server reads (see {@link Topics}). */
    public static final EventType<TokenRevoked> TOKEN_REVOKED =
            new EventType<>("TokenRevoked", 1, Topics.TOKEN_REVOCATION, CLIENT, TokenRevoked.class);

    /** People's accounts, their sign-ins and sessions, keyed by account. */
    public static final EventType<AccountCreated> ACCOUNT_CREATED = account("AccountCreated", AccountCreated.class);
    public static final EventType<AccountDisabled> ACCOUNT_DISABLED =
            account("AccountDisabled", AccountDisabled.class);
    public static final EventType<AccountEnabled> ACCOUNT_ENABLED = account("AccountEnabled", AccountEnabled.class);
    public static final EventType<AccountProfileChanged> ACCOUNT_PROFILE_CHANGED =
            account("AccountProfileChanged", AccountProfileChanged.class);
    public static final EventType<SignedIn> SIGNED_IN = account("SignedIn", SignedIn.class);
    public static final EventType<SignInFailed> SIGN_IN_FAILED = account("SignInFailed", SignInFailed.class);
    public static final EventType<SessionEnded> SESSION_ENDED = account("SessionEnded", SessionEnded.class);
    public static final EventType<InvitationAccepted> INVITATION_ACCEPTED =
            account("InvitationAccepted", InvitationAccepted.class);
    public static final EventType<PasswordChanged> PASSWORD_CHANGED = account("PasswordChanged", PasswordChanged.class);
    public static final EventType<SecondFactorChanged> SECOND_FACTOR_CHANGED =
            account("SecondFactorChanged", SecondFactorChanged.class);

    /** Keyed by the person's account, so one person's approvals and revocations stay in order. */
    public static final EventType<ConsentGranted> CONSENT_GRANTED = account("ConsentGranted", ConsentGranted.class);
    public static final EventType<IntegrationRevoked> INTEGRATION_REVOKED =
            account("IntegrationRevoked", IntegrationRevoked.class);

    public static final List<EventType<?>> ALL = List.of(CLIENT_CREATED, CLIENT_UPDATED, CLIENT_SECRET_ADDED,
            CLIENT_SECRET_REVOKED, CLIENT_DISABLED, CLIENT_ENABLED, CLIENT_DELETED, SERVICE_ACCOUNT_CHANGED,
            CLIENT_AUTHENTICATION_FAILED,
            TOKEN_ISSUED, TOKEN_REVOKED, ACCOUNT_CREATED, ACCOUNT_DISABLED, ACCOUNT_ENABLED, ACCOUNT_PROFILE_CHANGED,
            SIGNED_IN, SIGN_IN_FAILED,
            SESSION_ENDED, INVITATION_ACCEPTED, PASSWORD_CHANGED, SECOND_FACTOR_CHANGED, CONSENT_GRANTED,
            INTEGRATION_REVOKED);

    private TokenEvents() {
    }

    private static <P> EventType<P> account(String name, Class<P> payload) {
        return new EventType<>(name, 1, Topics.TOKEN_ACCOUNT, ACCOUNT, payload);
    }

    private static <P> EventType<P> client(String name, Class<P> payload) {
        return new EventType<>(name, 1, Topics.TOKEN_CLIENT, CLIENT, payload);
    }
}
