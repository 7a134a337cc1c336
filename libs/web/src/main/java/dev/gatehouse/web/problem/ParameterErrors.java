package dev.gatehouse.web.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Names the query parameter that did not convert to its declared type. JAX-RS answers such a request
 * 404 ("nothing at this path"), which sends a client looking in the wrong place; this finds the parameter (its
 * value fails the same conversion) so the answer can be a 400 field error that says what was expected.
 */
final class ParameterErrors {

    private ParameterErrors() {
    }

    static Optional<Problem.FieldError> find(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return Optional.empty();
        }
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                // Path parameters keep JAX-RS's 404: an id that cannot exist names nothing at this path.
                if (!(a instanceof QueryParam query)) {
                    continue;
                }
                String name = query.value();
                List<String> values = uri.getQueryParameters().get(name);
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    Optional<String> wrong = check(types[i], value);
                    if (wrong.isPresent()) {
                        return Optional.of(new Problem.FieldError(name, wrong.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} is not a {@code type}, if it is not; empty for types this does not know. */
    private static Optional<String> check(Class<?> type, String value) {
        try {
            if (type == Integer.class || type == int.class) {
                Integer.parseInt(value.strip());
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(value.strip());
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == Boolean.class || type == boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    return Optional.of("must be true or false");
                }
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).anyMatch(value::equals)
                        ? Optional.empty()
                        : Optional.of("must be one of " + Arrays.stream(type.getEnumConstants())
                                .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(type == UUID.class ? "must be a UUID" : "must be a whole number");
        }
    }
}
