package dev.gatehouse.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) that the tests of one JVM share: services send to it over SMTP exactly as they
 * would to any mail server, and tests read what arrived, such as the link in an invitation.
 */
public final class MailServer implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start() {
        ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        return new MailServer(mail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far for {@code address}, oldest first. */
    public List<MimeMessage> to(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().toLowerCase(Locale.ROOT)
                        .contains(wanted));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The plain text of a message. */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String s ? s : String.valueOf(content);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** The first link in the newest message to {@code address}, if any. */
    public Optional<String> newestLinkTo(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(text(messages.get(messages.size() - 1)));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
