package dev.gatehouse.local;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes each received message once to a folder as {@code <time>-<recipient>.eml}. GreenMail lists what it received
 * mailbox by mailbox, not in arrival order (a new message to someone who got mail before lands in the middle of the
 * list), so each message is remembered by its Message-ID and recipients, never by its place in the list.
 */
final class MailFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path dir;
    private final Set<String> written = new HashSet<>();

    MailFiles(Path dir) {
        this.dir = dir;
    }

    /** Writes the messages not written before; returns their files. */
    List<Path> writeNew(MimeMessage[] received) throws IOException, MessagingException, GeneralSecurityException {
        List<Path> files = new ArrayList<>();
        for (MimeMessage message : received) {
            if (written.add(key(message))) {
                files.add(write(message));
            }
        }
        return files;
    }

    /** Which message this is: its Message-ID (RFC 5322 §3.6.4) and recipients, or, without one, its content. */
    private static String key(MimeMessage message)
            throws MessagingException, IOException, GeneralSecurityException {
        String id = message.getMessageID();
        if (id != null) {
            return id + " " + Arrays.toString(message.getAllRecipients());
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        message.writeTo(content);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(content.toByteArray()));
    }

    private Path write(MimeMessage message) throws IOException, MessagingException {
        String to = message.getAllRecipients() == null || message.getAllRecipients().length == 0 ? "unknown"
                : message.getAllRecipients()[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
        Path file = dir.resolve(STAMP.format(LocalDateTime.now()) + "-" + to + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }
}
