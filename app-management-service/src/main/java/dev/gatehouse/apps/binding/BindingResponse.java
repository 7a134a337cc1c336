package dev.gatehouse.apps.binding;

import java.time.Instant;
import java.util.UUID;

/** The binding in force; {@code updatedAt}/{@code updatedBy} are null while it is the default (DefaultBinding). */
public record BindingResponse(UUID companyId, UUID appId, BindingState state, Instant updatedAt, String updatedBy) {

    static BindingResponse of(UUID companyId, UUID appId, AppBinding binding, BindingState byDefault) {
        return binding == null ? new BindingResponse(companyId, appId, byDefault, null, null)
                : new BindingResponse(companyId, appId, binding.state, binding.updatedAt, binding.updatedBy);
    }
}
