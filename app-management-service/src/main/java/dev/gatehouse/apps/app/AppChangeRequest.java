package dev.gatehouse.apps.app;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /apps/{appId}}: the fields given change, the others stay. */
public record AppChangeRequest(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description) {
}
