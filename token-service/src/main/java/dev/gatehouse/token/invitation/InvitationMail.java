package dev.gatehouse.token.invitation;

import dev.gatehouse.token.TokenConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The e-mail that carries an invitation's one-time link, sent over SMTP by quarkus-mailer (GreenMail in tests and in
 * the local stack). Plain text, so no client renders anything we did not write; the link is the only secret in it
 * and it appears nowhere else (not in logs, not in events).
 */
@ApplicationScoped
public class InvitationMail {

    static final String PATH = "/invitations/accept";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReactiveMailer mailer;
    private final String base;

    public InvitationMail(ReactiveMailer mailer, TokenConfig config) {
        this.mailer = mailer;
        this.base = config.issuer().replaceAll("/+$", "");
    }

    public Uni<Void> send(Invitation invitation, String token) {
        String link = base + PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        String text = "Hello " + invitation.name + ",\n\n"
                + invitation.scopeName + (Invitation.DEVELOPER_ORG.equals(invitation.kind)
                        ? " invited you to develop its apps on Gatehouse." : " invited you to Gatehouse.")
                + " Open this link to set your password, or to sign "
                + "in with the Gatehouse account you already have, and join " + invitation.scopeName + ":\n\n"
                + link + "\n\n"
                + "The link works once, until " + WHEN.format(invitation.expiresAt) + ". If you did not expect "
                + "this e-mail, you can ignore it.\n";
        return mailer.send(Mail.withText(invitation.email, "You are invited to " + invitation.scopeName
                + " on Gatehouse", text));
    }
}
