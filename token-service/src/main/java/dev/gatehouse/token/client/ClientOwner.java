package dev.gatehouse.token.client;

import java.util.UUID;

/** Whose client it is: a company, a developer organization, or the platform (id null). */
public record ClientOwner(String type, UUID id) {

    /** The platform's own clients: their tokens carry {@code platform_admin}. */
    public static final ClientOwner PLATFORM = new ClientOwner(Client.OWNER_PLATFORM, null);
    public static final ClientOwner FIRST_PARTY = new ClientOwner(Client.OWNER_FIRST_PARTY, null);

    public static ClientOwner company(UUID companyId) {
        return new ClientOwner(Client.OWNER_COMPANY, companyId);
    }

    /** The company an event about this client belongs to, if any. */
    public UUID companyId() {
        return Client.OWNER_COMPANY.equals(type) ? id : null;
    }
}
