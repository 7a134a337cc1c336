package dev.gatehouse.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The local stack's mail server: a real SMTP server (GreenMail) on 127.0.0.1 that accepts every message, and
 * writes each one it receives to {@code --dir} as {@code <time>-<recipient>.eml}, so a developer reads invitations
 * with any text viewer or mail client. Nothing leaves the machine.
 */
final class MailCommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private MailCommand() {
    }

    static int run(Map<String, String> options) throws Exception {
        int port = Integer.parseInt(options.getOrDefault("port", "2525"));
        Path dir = Path.of(Launcher.require(options, "dir"));
        Files.createDirectories(dir);
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "gatehouse-mail-stop"));
        System.out.println("SMTP ready on 127.0.0.1:" + port + "; received mail goes to " + dir);
        int written = 0;
        while (true) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (; written < received.length; written++) {
                write(dir, received[written]);
            }
            Thread.sleep(200);
        }
    }

    private static void write(Path dir, MimeMessage message) throws IOException, MessagingException {
        String to = message.getAllRecipients() == null || message.getAllRecipients().length == 0 ? "unknown"
                : message.getAllRecipients()[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
        Path file = dir.resolve(STAMP.format(LocalDateTime.now()) + "-" + to + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        System.out.println("mail for " + to + ": " + file);
    }
}
