package dev.gatehouse.token.password;

import dev.gatehouse.token.TokenConfig;
import dev.gatehouse.token.account.Account;
import dev.gatehouse.token.crypto.OpaqueTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Reset links: made for an active account and e-mailed (plain text, quarkus-mailer over SMTP), found by the link's
 * value, which only the e-mail holds (the table keeps its keyed hash). A link works once, for an hour.
 */
@ApplicationScoped
public class PasswordResets {

    static final String TOKEN_PREFIX = "ghr_";
    static final String PATH = "/password-reset/choose";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(PasswordResets.class);

    private static final String INSERT = """
            insert into password_reset (id, token_hash, account_id, created_at, expires_at) values ($1, $2, $3, $4, $5)
            """;

    private final OpaqueTokens tokens;
    private final ReactiveMailer mailer;
    private final Pool pool;
    private final PasswordResetRepository resets;
    private final Clock clock;
    private final String base;

    public PasswordResets(OpaqueTokens tokens, ReactiveMailer mailer, Pool pool, PasswordResetRepository resets,
            Clock clock, TokenConfig config) {
        this.tokens = tokens;
        this.mailer = mailer;
        this.pool = pool;
        this.resets = resets;
        this.clock = clock;
        this.base = config.issuer().replaceAll("/+$", "");
    }

    /**
     * Records a link for the account and e-mails it. The caller does not wait for this: the answer to "reset my
     * password" must take the same time whether or not the address has an account, so the work is done after it;
     * a failure is logged (without the link).
     */
    public void sendFor(Account account) {
        String token = tokens.newValue(TOKEN_PREFIX);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Tuple row = Tuple.of(UUID.randomUUID(), tokens.hashText(token), account.id,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), OffsetDateTime.ofInstant(now.plus(LIFETIME),
                        ZoneOffset.UTC));
        String link = base + PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String text = "Hello,\n\nSomeone asked to reset the password of the Gatehouse account for " + account.email
                + ". To choose a new password, open this link within an hour:\n\n" + link + "\n\n"
                + "The link works once. Choosing a new password signs you out everywhere. If you did not ask for "
                + "this, ignore this e-mail: your password stays as it is.\n";
        Uni.createFrom().completionStage(() -> pool.preparedQuery(INSERT).execute(row).toCompletionStage())
                .chain(() -> mailer.send(Mail.withText(account.email, "Reset your Gatehouse password", text)))
                .subscribe().with(x -> { }, e -> LOG.warnf("password reset for account %s not sent: %s",
                        account.id, e.getClass().getSimpleName()));
    }

    /** The reset a link names, if the link is one of ours. */
    public Uni<Optional<PasswordReset>> byLink(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> resets.find("tokenHash", tokens.hashText(token)).firstResult())
                .map(Optional::ofNullable);
    }

    public Instant now() {
        return clock.instant();
    }
}
