package dev.gatehouse.local;

/** What every check against the running stack shares: its ✓ and ✗ lines, its verdict, where it finds the stack. */
final class StackCheck {

    /** A check's steps; any exception or failed assertion fails it, with its message. */
    interface Steps {
        void run() throws Exception;
    }

    private StackCheck() {
    }

    /** Runs {@code steps} and prints {@code NAME PASSED} or the failure and {@code NAME FAILED}; 0 or 1. */
    static int verdict(String name, Steps steps) {
        try {
            steps.run();
            System.out.println(name + " PASSED");
            return 0;
        } catch (Exception | AssertionError e) {
            System.out.println("  ✗ " + e.getMessage());
            System.out.println(name + " FAILED");
            return 1;
        }
    }

    static void pass(String what) {
        System.out.println("  ✓ " + what);
    }

    /** The environment variable, or {@code fallback} when it is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
