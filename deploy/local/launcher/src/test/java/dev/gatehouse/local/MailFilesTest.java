package dev.gatehouse.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's mailbox keeps every message: a second invitation to someone who got mail before, after others
 * got theirs, is written too (GreenMail lists messages per mailbox, so counting them lost it).
 */
class MailFilesTest {

    @Test
    void everyMessageIsWrittenOnceWhateverOrderGreenMailListsThemIn(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        try {
            MailFiles files = new MailFiles(dir);
            GreenMailUtil.sendTextEmail("dana@example.com", "gatehouse@example.com", "Join Makers", "one", smtp);
            GreenMailUtil.sendTextEmail("eli@example.com", "gatehouse@example.com", "Join Makers", "two", smtp);
            assertThat(files.writeNew(mail.getReceivedMessages())).hasSize(2);

            GreenMailUtil.sendTextEmail("dana@example.com", "gatehouse@example.com", "Join Builders", "three", smtp);
            List<Path> third = files.writeNew(mail.getReceivedMessages());

            assertThat(third).hasSize(1);
            assertThat(third.get(0).getFileName().toString()).endsWith("-dana@example.com.eml");
            assertThat(Files.readString(third.get(0))).contains("Join Builders");
            assertThat(files.writeNew(mail.getReceivedMessages())).as("nothing twice").isEmpty();
            try (var written = Files.list(dir)) {
                assertThat(written).hasSize(3);
            }
        } finally {
            mail.stop();
        }
    }
}
