package dev.gatehouse.events.apps;

import java.util.UUID;

/**
 * A company admin set a marketplace app {@code on}, {@code off} or {@code allow} for their company (from
 * {@code previousState}; {@code off} when the company had never chosen).
 */
public record AppBindingChanged(UUID companyId, UUID appId, String state, String previousState) {
}
