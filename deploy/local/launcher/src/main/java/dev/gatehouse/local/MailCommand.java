package dev.gatehouse.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The local stack's mail server: a real SMTP server (GreenMail) on 127.0.0.1 that accepts every message, and
 * writes each one it receives to {@code --dir} ({@link MailFiles}), so a developer reads invitations with any text
 * viewer or mail client. Nothing leaves the machine.
 */
final class MailCommand {

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
        MailFiles files = new MailFiles(dir);
        while (true) {
            for (Path file : files.writeNew(mail.getReceivedMessages())) {
                System.out.println("mail: " + file);
            }
            Thread.sleep(200);
        }
    }
}
