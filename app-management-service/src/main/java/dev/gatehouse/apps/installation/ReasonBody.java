package dev.gatehouse.apps.installation;

import jakarta.validation.constraints.Size;

/** An optional reason, recorded with the change and carried by its event. */
public record ReasonBody(@Size(max = 500, message = "must be at most 500 characters") String reason) {
}
