package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static dev.gatehouse.local.StackCheck.env;
import static dev.gatehouse.local.StackCheck.pass;

/**
 * run.sh behaves like an orchestrator: a component that dies on its own is started again, and the stack carries on.
 * Under run.sh: the Kafka broker and then directory-service are killed with SIGKILL, behind run.sh's back (as a crash
 * or the OOM killer would); each must run again (a new process, its port open, the service ready), run.sh must have
 * said so, and a company created afterwards must reach the audit trail through the restarted broker.
 */
final class CrashRestartCheck {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path keys = Path.of(env("GATEHOUSE_KEYS_DIR", ".gatehouse/keys"));
    private final Path run = Path.of(env("GATEHOUSE_RUN_DIR", ".gatehouse/run"));
    private final String directory = env("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081");
    private final String audit = env("GATEHOUSE_AUDIT_URL", "http://localhost:8084");
    private final int kafkaPort = Integer.parseInt(env("GATEHOUSE_KAFKA_PORT", "9092"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CrashRestartCheck() {
    }

    static int run() {
        return StackCheck.verdict("CRASH RESTART CHECK", () -> new CrashRestartCheck().check());
    }

    private void check() throws Exception {
        if (!Files.isDirectory(run)) {
            System.out.println("  (no run folder at " + run + ": the crash check needs run.sh; skipped)");
            return;
        }
        long kafka = crash("kafka");
        awaitRestarted("kafka", kafka, () -> open(kafkaPort));
        pass("Kafka killed with SIGKILL behind run.sh's back; run.sh started it again and said so");

        long service = crash("directory-service");
        awaitRestarted("directory-service", service, () -> status(directory + "/q/health/ready", null) == 200);
        pass("directory-service killed with SIGKILL; run.sh started it again and it is ready");

        String token = AdminClient.from(keys).token();
        String name = "Crash Co " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(directory + "/companies"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /companies after the restarts answered " + created.statusCode());
        }
        String companyId = JSON.readTree(created.body()).get("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!auditHas(companyId, token)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("CompanyCreated for " + companyId + " did not reach the audit trail "
                        + "within 60 s of the restarts");
            }
            Thread.sleep(200);
        }
        pass("a company created after both restarts reached the audit trail through the restarted broker");
    }

    /** Kills {@code name}'s process (its pid from run.sh's pid file) with SIGKILL; answers that pid. */
    private long crash(String name) throws Exception {
        long pid = pid(name);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(
                () -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().get();
        return pid;
    }

    private void awaitRestarted(String name, long oldPid, Check ready) throws Exception {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (true) {
            long pid = Files.exists(run.resolve(name + ".pid")) ? pid(name) : oldPid;
            if (pid != oldPid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && ready.ok()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not running again within " + BACK_WITHIN.toSeconds()
                        + " s of being killed");
            }
            Thread.sleep(250);
        }
        Path log = run.getParent().resolve("run.sh.log");
        if (Files.exists(log) && !Files.readString(log).contains(name + " exited on its own")) {
            throw new IllegalStateException("run.sh's output does not say that " + name + " exited and was started "
                    + "again");
        }
    }

    private long pid(String name) throws Exception {
        return Long.parseLong(Files.readString(run.resolve(name + ".pid")).strip());
    }

    private boolean open(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private int status(String url, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private boolean auditHas(String companyId, String token) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(audit + "/audit/events?companyId=" + companyId)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            return false;
        }
        for (JsonNode item : JSON.readTree(page.body()).path("items")) {
            if ("CompanyCreated".equals(item.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws Exception;
    }
}
