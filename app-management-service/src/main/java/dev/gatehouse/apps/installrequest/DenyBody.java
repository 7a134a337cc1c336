package dev.gatehouse.apps.installrequest;

import jakarta.validation.constraints.Size;

/** @param note the reason, recorded with the denial */
public record DenyBody(@Size(max = 2000, message = "must be at most 2000 characters") String note) {
}
