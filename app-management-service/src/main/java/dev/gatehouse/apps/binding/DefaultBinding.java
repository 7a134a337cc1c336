package dev.gatehouse.apps.binding;

import dev.gatehouse.apps.app.App;
import dev.gatehouse.apps.app.AppKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Optional;

/**
 * The binding that applies where a company has chosen none, as Canvas defaults inherited developer keys: a
 * marketplace app listed (its listing approved by a platform admin) before the platform's cut-off
 * ({@code gatehouse.apps.default-on-if-listed-before}) starts {@code on} in every company, a later one {@code off};
 * with no cut-off, every app starts off. A company's own apps need no binding and are always on for it.
 */
@ApplicationScoped
public class DefaultBinding {

    private final Optional<Instant> onIfListedBefore;

    public DefaultBinding(@ConfigProperty(name = "gatehouse.apps.default-on-if-listed-before")
            Optional<Instant> onIfListedBefore) {
        this.onIfListedBefore = onIfListedBefore;
    }

    /** The state of a marketplace app in a company that has no binding for it. */
    public BindingState of(App app) {
        return onIfListedBefore.isPresent() && app.listedAt != null && app.listedAt.isBefore(onIfListedBefore.get())
                ? BindingState.on : BindingState.off;
    }

    /** The binding that applies: the company's choice, else the default; company apps are always on. */
    public BindingState effective(App app, AppBinding binding) {
        if (app.kind == AppKind.company) {
            return BindingState.on;
        }
        return binding == null ? of(app) : binding.state;
    }
}
