package dev.gatehouse.feed;

/** Runs a {@link FeedReader} on a daemon thread of its own, started and stopped with the service. */
public final class FeedThread {

    private final FeedReader reader;
    private final String name;
    private Thread thread;

    public FeedThread(FeedReader reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    public synchronized void start() {
        thread = new Thread(reader, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A feed only reads, so there is nothing to finish: a second is enough, and a broker that does not answer (the
     * daemon thread is then abandoned) must not hold up the service's shutdown.
     */
    public synchronized void stop() throws InterruptedException {
        reader.stop();
        if (thread != null) {
            thread.join(1_000);
        }
    }
}
