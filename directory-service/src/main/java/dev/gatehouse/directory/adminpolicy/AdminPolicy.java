package dev.gatehouse.directory.adminpolicy;

/** Body and answer of {@code /companies/{companyId}/admin-policy}: what the company asks of its admins. */
public record AdminPolicy(boolean requireSecondFactor) {
}
