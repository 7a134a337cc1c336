package dev.gatehouse.events.token;

import java.util.List;
import java.util.UUID;

/**
 * A person changed their own profile. Names what changed ({@code displayName}), never the values: the account is
 * token-service's, and what it holds about a person stays there.
 */
public record AccountProfileChanged(UUID accountId, List<String> changed) {
}
