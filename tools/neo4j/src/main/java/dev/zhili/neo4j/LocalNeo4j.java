package dev.zhili.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A local Neo4j 5.26 Community DBMS for development and tests: the embedded engine with the Bolt
 * connector enabled, so clients (neo4j-driver, Neo4j Browser, cypher-shell) see an ordinary server.
 *
 * Configured only through environment variables set by the project's scripts (scripts/db):
 * ZHILI_DB_HOME, ZHILI_DB_HOST, ZHILI_DB_PORT, ZHILI_DB_PASSWORD, ZHILI_DB_PAGECACHE_MB,
 * ZHILI_DB_TX_TIMEOUT_SECONDS.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path home = Path.of(required(env, "ZHILI_DB_HOME")).toAbsolutePath();
        String host = env.getOrDefault("ZHILI_DB_HOST", "127.0.0.1");
        int port = Integer.parseInt(env.getOrDefault("ZHILI_DB_PORT", "7687"));
        String password = required(env, "ZHILI_DB_PASSWORD");
        long pageCacheMb = Long.parseLong(env.getOrDefault("ZHILI_DB_PAGECACHE_MB", "512"));
        long txTimeout = Long.parseLong(env.getOrDefault("ZHILI_DB_TX_TIMEOUT_SECONDS", "120"));
        Files.createDirectories(home);

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
                // A development store: keep a day of transaction logs, not the default week.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 days")
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalNeo4j: shutting down");
            dbms.shutdown();
            System.out.println("LocalNeo4j: stopped");
            stopped.countDown();
        }, "zhili-neo4j-shutdown"));

        setPassword(dbms, password);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // The scripts wait for this line (and for Bolt to answer) before reporting success.
        System.out.println("LocalNeo4j: READY bolt://" + host + ":" + port + " in " + ms + " ms (home " + home + ")");
        stopped.await();
    }

    /** The built-in `neo4j` user starts with a throw-away password that must change; set ours. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // Re-setting the same password is refused by Neo4j: that is the state we want.
            String message = String.valueOf(e.getMessage());
            if (!message.contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }
}
