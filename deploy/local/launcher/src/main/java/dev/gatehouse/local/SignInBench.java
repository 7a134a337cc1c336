package dev.gatehouse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench-signin --dir DIR --pid PID [--seconds 20] [--concurrency 32]}: people's flows against a running
 * stack, printing one line per measurement (rate, latency p50/p99, errors, token-service CPU): authorization-code
 * exchange (codes made first through the signed-in session, then redeemed as fast as the server takes them),
 * refresh with rotation (each family refreshed in turn by one worker, many families at once), sign-ins through the
 * form (Argon2id), and client_credentials alone and during a sign-in flood. The load generator runs on the same
 * machine, so its CPU is taken from the stack's.
 */
final class SignInBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    /** Clock ticks per second in /proc/PID/stat (USER_HZ: 100 on Linux). */
    private static final int TICKS = 100;

    private final String issuer = StackCheck.env("GATEHOUSE_ISSUER", "http://localhost:8083");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final long pid;
    private final int seconds;
    private final int concurrency;

    private SignInBench(long pid, int seconds, int concurrency) {
        this.pid = pid;
        this.seconds = seconds;
        this.concurrency = concurrency;
    }

    /**
     * {@code bench-people-setup --dir DIR}: what deploy/local/benchmark-people.sh gives wrk, as shell assignments:
     * a public first-party client, the first platform admin signed in (their session cookie), one PKCE pair for
     * every code, a sign-in form's CSRF cookie and token, and a service account for client_credentials. For the
     * benchmark only: it prints credentials.
     */
    static int setup(Map<String, String> options) throws Exception {
        Path keys = Path.of(Launcher.require(options, "dir"));
        SignInBench bench = new SignInBench(0, 0, 0);
        String admin = AdminClient.from(keys).token();
        String cli = PersonSession.registerCliClient(bench.issuer, admin);
        String[] person = PersonSession.firstAdmin(keys);
        PersonSession session = PersonSession.signIn(bench.issuer, cli, person[0], person[1]);
        PersonSession.Request pkce = PersonSession.Request.forClient(cli);
        String challenge = pkce.url().replaceAll(".*code_challenge=([^&]+).*", "$1");
        String[] form = bench.signInForm();
        System.out.printf("CLI_CLIENT=%s%nSESSION_COOKIE='%s'%nVERIFIER=%s%nCHALLENGE=%s%nLOOPBACK_ENC='%s'%n"
                        + "CSRF_COOKIE='%s'%nCSRF_TOKEN='%s'%nSA_BASIC=%s%nEMAIL_ENC='%s'%nPASSWORD_ENC='%s'%n", cli,
                session.cookie("gatehouse_session"), pkce.verifier(), challenge, enc(PersonSession.LOOPBACK), form[0],
                enc(form[1]), bench.serviceAccount(admin), enc(person[0]), enc(person[1]));
        return 0;
    }

    static int run(Map<String, String> options) throws Exception {
        Path keys = Path.of(Launcher.require(options, "dir"));
        SignInBench bench = new SignInBench(Long.parseLong(Launcher.require(options, "pid")),
                Integer.parseInt(options.getOrDefault("seconds", "20")),
                Integer.parseInt(options.getOrDefault("concurrency", "32")));
        bench.measure(keys);
        return 0;
    }

    /** What one measurement saw. */
    private static final class Tally {
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        volatile String error;
        volatile long elapsedNanos = 1;
        volatile double tokenServiceCores;

        void finished(long elapsed, double cores) {
            elapsedNanos = elapsed;
            tokenServiceCores = cores;
        }

        void failed(Exception e) {
            if (errors.incrementAndGet() == 1) {
                error = e.getMessage();
            }
        }
    }

    private interface Call {
        void once(int worker) throws Exception;
    }

    private void measure(Path keys) throws Exception {
        String admin = AdminClient.from(keys).token();
        String cli = PersonSession.registerCliClient(issuer, admin);
        String[] person = PersonSession.firstAdmin(keys);
        PersonSession session = PersonSession.signIn(issuer, cli, person[0], person[1]);
        System.out.printf("token-service pid %d, %d cores, %ds per measurement, %d workers%n", pid,
                Runtime.getRuntime().availableProcessors(), seconds, concurrency);

        // Codes live 60 s: make them for at most 20 s, then redeem them all.
        ConcurrentLinkedQueue<PersonSession.Code> codes = new ConcurrentLinkedQueue<>();
        report("authorize (signed in, code issued)", load(Math.min(seconds, 20), concurrency,
                w -> codes.add(session.nextCode(cli))));
        List<PersonSession.Code> toRedeem = new ArrayList<>(codes);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> refreshTokens = new ConcurrentLinkedQueue<>();
        report("authorization_code exchange", loadAll(toRedeem.size(), concurrency, w -> {
            JsonNode tokens = session.exchange(cli, toRedeem.get(next.getAndIncrement()));
            refreshTokens.add(tokens.get("refresh_token").asText());
        }));

        List<String> families = new ArrayList<>(refreshTokens);
        int workers = Math.min(concurrency, families.size());
        String[] current = families.toArray(String[]::new);
        AtomicInteger[] turn = new AtomicInteger[workers];
        Arrays.setAll(turn, i -> new AtomicInteger(i));
        report("refresh_token (rotating)", load(seconds, workers, w -> {
            int family = turn[w].getAndAdd(workers) % current.length;
            current[family] = PersonSession.refresh(http, issuer, cli, current[family]).get("refresh_token").asText();
        }));

        int signInWorkers = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        String[][] forms = new String[signInWorkers][];
        for (int i = 0; i < signInWorkers; i++) {
            forms[i] = signInForm();
        }
        report("sign-in through the form (Argon2id)", load(seconds, signInWorkers,
                w -> signIn(forms[w], person[0], person[1])));

        String basic = serviceAccount(admin);
        Call grant = w -> clientCredentials(basic);
        report("client_credentials alone", load(seconds, concurrency / 2, grant));
        Tally[] both = together(seconds, concurrency / 2, grant, signInWorkers,
                w -> signIn(forms[w], person[0], person[1]));
        report("client_credentials during a sign-in flood", both[0]);
        report("  the sign-in flood at the same time", both[1]);
    }

    /** Runs {@code call} on {@code workers} threads for {@code secs} seconds. */
    private Tally load(int secs, int workers, Call call) throws InterruptedException {
        return together(secs, workers, call, 0, null)[0];
    }

    private Tally[] together(int secs, int workersA, Call a, int workersB, Call b) throws InterruptedException {
        Tally ta = new Tally();
        Tally tb = new Tally();
        long end = System.nanoTime() + secs * 1_000_000_000L;
        long cpu0 = cpuTicks();
        long t0 = System.nanoTime();
        CountDownLatch done = new CountDownLatch(workersA + workersB);
        start(workersA, a, ta, end, done);
        start(workersB, b, tb, end, done);
        done.await();
        long elapsed = System.nanoTime() - t0;
        double cores = (cpuTicks() - cpu0) / (double) TICKS / (elapsed / 1e9);
        ta.finished(elapsed, cores);
        tb.finished(elapsed, cores);
        return new Tally[] {ta, tb};
    }

    /** Runs {@code call} exactly {@code count} times on {@code workers} threads. */
    private Tally loadAll(int count, int workers, Call call) throws InterruptedException {
        Tally t = new Tally();
        AtomicInteger left = new AtomicInteger(count);
        long cpu0 = cpuTicks();
        long t0 = System.nanoTime();
        CountDownLatch done = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            int worker = i;
            new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    timed(call, worker, t);
                }
                done.countDown();
            }).start();
        }
        done.await();
        long elapsed = System.nanoTime() - t0;
        t.finished(elapsed, (cpuTicks() - cpu0) / (double) TICKS / (elapsed / 1e9));
        return t;
    }

    private void start(int workers, Call call, Tally tally, long end, CountDownLatch done) {
        for (int i = 0; i < workers; i++) {
            int worker = i;
            new Thread(() -> {
                while (System.nanoTime() < end) {
                    timed(call, worker, tally);
                }
                done.countDown();
            }).start();
        }
    }

    private static void timed(Call call, int worker, Tally tally) {
        long t0 = System.nanoTime();
        try {
            call.once(worker);
            tally.nanos.add(System.nanoTime() - t0);
        } catch (Exception e) {
            tally.failed(e);
        }
    }

    private void report(String name, Tally t) {
        List<Long> sorted = new ArrayList<>(t.nanos);
        Collections.sort(sorted);
        double secs = t.elapsedNanos / 1e9;
        double cores = t.tokenServiceCores;
        System.out.printf("%-44s rps=%.0f n=%d p50=%.1fms p99=%.1fms errors=%d token_service_cores=%.2f%s%n", name,
                sorted.size() / secs, sorted.size(), pct(sorted, 0.50), pct(sorted, 0.99), t.errors.get(), cores,
                t.error == null ? "" : " first_error=" + t.error);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }

    private long cpuTicks() {
        try {
            String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
            return Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        } catch (Exception e) {
            return 0;
        }
    }

    /** A browser's CSRF cookie and form token for the sign-in page (each worker keeps its own). */
    private String[] signInForm() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(issuer + "/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on /signin");
        }
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.contains("gatehouse_csrf"))
                .findFirst().orElseThrow().split(";", 2)[0];
        return new String[] {cookie, m.group(1)};
    }

    private void signIn(String[] form, String email, String password) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(issuer + "/signin"))
                .header("Cookie", form[0]).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + enc(email) + "&password=" + enc(password)
                        + "&csrf_token=" + enc(form[1]))).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + r.statusCode());
        }
    }

    private void clientCredentials(String basic) throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("client_credentials answered " + r.statusCode());
        }
    }

    /** A company service account's Basic credentials (made through the APIs, as bench-setup does). */
    private String serviceAccount(String admin) throws Exception {
        String directory = StackCheck.env("GATEHOUSE_DIRECTORY_URL", "http://localhost:8081");
        JsonNode company = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(directory + "/companies"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench " + UUID.randomUUID() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String companyId = company.get("id").asText();
        JsonNode created = null;
        for (int attempt = 0; attempt < 50 && created == null; attempt++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(issuer + "/companies/" + companyId
                            + "/service-accounts")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"bench people\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                created = JSON.readTree(r.body());
            } else {
                Thread.sleep(100); // the company reaches token-service as an event
            }
        }
        if (created == null) {
            throw new IllegalStateException("could not create the benchmark's service account");
        }
        String pair = URLEncoder.encode(created.get("clientId").asText(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(created.get("clientSecret").asText(), StandardCharsets.UTF_8);
        return java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
