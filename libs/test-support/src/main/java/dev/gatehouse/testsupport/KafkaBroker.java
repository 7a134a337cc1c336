package dev.gatehouse.testsupport;

import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker for tests: in-process single-node KRaft (Kafka's own test kit from Maven Central), or an
 * external cluster by its bootstrap servers. The in-process broker can be stopped and started again on the same
 * port with its data intact, to test what happens while the broker is down.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private KafkaBroker(KafkaClusterTestKit cluster, String bootstrapServers) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
    }

    public static KafkaBroker inProcess() {
        keepKafkaFromEndingTheJvm();
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster, cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("in-process Kafka did not start", e);
        }
    }

    /**
     * A broker that meets a fatal fault (which can happen while it is torn down at JVM exit) calls Kafka's
     * {@code Exit.halt}: in a test JVM that would end the JVM before its shutdown hooks stop PostgreSQL, and fail
     * the build though every test passed. Kafka's own tests replace the procedures the same way.
     */
    private static void keepKafkaFromEndingTheJvm() {
        Exit.setHaltProcedure((status, message) ->
                System.err.println("in-process Kafka asked to halt (" + status + "): " + message + "; ignored"));
        Exit.setExitProcedure((status, message) ->
                System.err.println("in-process Kafka asked to exit (" + status + "): " + message + "; ignored"));
    }

    public static KafkaBroker external(String bootstrapServers) {
        return new KafkaBroker(null, bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean canRestart() {
        return cluster != null;
    }

    /** Stops the broker (the KRaft controller stays up); clients see it as down until {@link #startBroker()}. */
    public void stopBroker() {
        BrokerServer broker = broker();
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts the stopped broker again on the same port, with the data it had. */
    public void startBroker() {
        broker().startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("broker did not come back", e);
        }
    }

    private BrokerServer broker() {
        if (cluster == null) {
            throw new UnsupportedOperationException("an external broker cannot be restarted from a test");
        }
        return cluster.brokers().values().iterator().next();
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }
}
