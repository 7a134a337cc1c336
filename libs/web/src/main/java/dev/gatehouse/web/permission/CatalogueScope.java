package dev.gatehouse.web.permission;

import dev.gatehouse.events.permission.ScopeCatalogue;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scope of the catalogue ({@link ScopeCatalogue}), for request fields that name scopes:
 * {@code List<@CatalogueScope String> scopes}. Checked with the request's other constraints, so a client sees every
 * mistake at once.
 */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CatalogueScope.Check.class)
public @interface CatalogueScope {

    String message() default "is not a scope of the catalogue (GET /scopes on directory-service lists them)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null or a catalogue scope's name. */
    class Check implements ConstraintValidator<CatalogueScope, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ScopeCatalogue.byName(value).isPresent();
        }
    }
}
