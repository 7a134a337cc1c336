package dev.gatehouse.console.session;

/**
 * token-service refused a token for a company or developer organization where the person has no role (RFC 8707 §2
 * {@code invalid_target}): the page says so instead of acting there.
 */
public class NoRoleThere extends RuntimeException {

    private final Context context;

    public NoRoleThere(Context context) {
        super("No role in " + context, null, false, false);
        this.context = context;
    }

    public Context context() {
        return context;
    }
}
