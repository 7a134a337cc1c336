package dev.gatehouse.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java half of {@code deploy/local/run.sh}: what a shell script cannot do with only a JDK installed.
 * <pre>
 *   postgres   --data DIR --port N          run embedded PostgreSQL with the service schemas until stopped
 *   provision  --jdbc-url URL --admin-user U roles and schemas on an external PostgreSQL (passwords from env)
 *   mail       --dir DIR [--port N]          run the SMTP server (GreenMail); received mail is written to DIR
 *   keygen     --dir DIR                     make the local stack's keys and admin credentials, once
 *   token      --dir DIR                     print a platform-admin access token from token-service
 *   await-ready --timeout SECONDS NAME=URL... wait until every URL answers 200
 *   smoke                                    the smoke test's checks, then the revocation, crash-restart and
 *                                            outage checks, against the running stack
 *   bench-reports --dir DIR [--apps N --days N --requests N]
 *                                            the reports on a year of generated data (ReportBenchmark)
 *   revocation [--samples N]                 dead tokens stop on every service: measured delay, restart
 *   crash-restart                            SIGKILL Kafka and a service: run.sh starts them again (run.sh)
 *   outage-shutdown                          kill Kafka, keep issuing, stop token-service within a bound (run.sh)
 *   dmsa-e2e                                 the DMSA story of issue 4 against the running stack
 * </pre>
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int status = switch (args[0]) {
            case "postgres" -> PostgresCommand.run(options(rest));
            case "provision" -> PostgresCommand.provisionExternal(options(rest));
            case "mail" -> MailCommand.run(options(rest));
            case "keygen" -> LocalKeys.keygen(Path.of(require(options(rest), "dir")));
            case "token" -> AdminClient.printToken(options(rest));
            case "console-client" -> ConsoleClient.run(options(rest));
            case "await-ready" -> ReadinessWait.run(rest);
            case "bench-setup" -> BenchSetup.run(options(rest));
            case "bench-signin" -> SignInBench.run(options(rest));
            case "bench-people-setup" -> SignInBench.setup(options(rest));
            case "bench-reports" -> ReportBenchmark.run(options(rest));
            // the outage check goes last: it leaves the stack without Kafka and token-service
            case "smoke" -> SmokeCheck.run() == 0 && RevocationCheck.run(20) == 0 && CrashRestartCheck.run() == 0
                    ? OutageShutdownCheck.run() : 1;
            case "crash-restart" -> CrashRestartCheck.run();
            case "outage-shutdown" -> OutageShutdownCheck.run();
            case "revocation" -> RevocationCheck.run(options(rest));
            case "dmsa-e2e" -> DmsaStory.run();
            default -> usage();
        };
        System.exit(status);
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            if (!args.get(i).startsWith("--")) {
                throw new IllegalArgumentException("expected an --option, got " + args.get(i));
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        return options;
    }

    static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    private static int usage() {
        System.err.println("usage: launcher "
                + "postgres|provision|mail|keygen|token|console-client|await-ready|smoke|revocation|crash-restart|"
                + "outage-shutdown|"
                + "dmsa-e2e|"
                + "bench-setup|"
                + "bench-signin|bench-people-setup|bench-reports [options]");
        System.exit(2);
        return 2;
    }
}
