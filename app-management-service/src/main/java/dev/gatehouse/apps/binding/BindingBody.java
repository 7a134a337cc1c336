package dev.gatehouse.apps.binding;

import jakarta.validation.constraints.NotNull;

/** A company's choice for a marketplace app. */
public record BindingBody(@NotNull(message = "is required: on, off or allow") BindingState state) {
}
