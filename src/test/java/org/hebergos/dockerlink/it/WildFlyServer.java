package org.hebergos.dockerlink.it;

import java.nio.file.Path;
import java.util.Map;

/**
 * WildFly serving the built WAR, started and stopped with {@code scripts/wildfly.sh}, the commands of the
 * README's WildFly section: WildFly from Maven Central, the WAR at {@code /docker-link}, {@code HEBERGOS_ENV}
 * in the server's environment, the script returning once the agent answers. HTTP, HTTPS and management
 * listen on free ports of 127.0.0.1.
 */
final class WildFlyServer implements AutoCloseable {

    private final Path dir = Path.of(System.getProperty("it.dir", "target/it"), "wildfly").toAbsolutePath();
    private final int httpPort = Servers.freePort();
    private final Map<String, String> environment;
    private boolean running;

    private WildFlyServer(Path envFile) {
        environment = Map.of("HEBERGOS_ENV", envFile.toString(), "PORT", String.valueOf(httpPort),
                "HTTPS_PORT", String.valueOf(Servers.freePort()), "MANAGEMENT_PORT", String.valueOf(Servers.freePort()),
                "MANAGEMENT_HTTPS_PORT", String.valueOf(Servers.freePort()));
    }

    /** WildFly started with the WAR deployed; returns once the agent answers. */
    static WildFlyServer start(Path envFile) {
        WildFlyServer server = new WildFlyServer(envFile);
        server.boot();
        return server;
    }

    Agent agent() {
        return new Agent("http://127.0.0.1:" + httpPort + "/docker-link/");
    }

    /** Stops the server and starts it again (the deployment and its data stay). */
    void restart() {
        close();
        boot();
    }

    private void boot() {
        Servers.startWithScript("wildfly.sh", environment, dir);
        running = true;
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            Servers.stopWithScript("wildfly.sh", dir);
        }
    }
}
