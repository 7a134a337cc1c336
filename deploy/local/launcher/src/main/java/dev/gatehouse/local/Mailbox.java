package dev.gatehouse.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The local stack's received mail ({@code .eml} files written by {@link MailCommand}), read as a person would. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private Mailbox() {
    }

    /** The first link in the newest message to {@code address}, waiting up to {@code timeout} for one. */
    static String awaitLink(Path dir, String address, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> link = newestLink(dir, address);
            if (link.isPresent()) {
                return link.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no e-mail for " + address + " in " + dir + " after " + timeout.toSeconds()
                + "s");
    }

    private static Optional<String> newestLink(Path dir, String address) throws IOException, MessagingException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.filter(f -> f.getFileName().toString().endsWith("-" + address + ".eml")).sorted()
                    .reduce((a, b) -> b);
        }
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(newest.get())) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            Matcher m = LINK.matcher(String.valueOf(message.getContent()));
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        }
    }
}
