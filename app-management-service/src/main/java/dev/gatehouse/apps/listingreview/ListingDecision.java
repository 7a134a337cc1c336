package dev.gatehouse.apps.listingreview;

import jakarta.validation.constraints.Size;

/**
 * Body of an approval or a rejection: the note the developer sees; a rejection must give one (its reason).
 */
public record ListingDecision(@Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
