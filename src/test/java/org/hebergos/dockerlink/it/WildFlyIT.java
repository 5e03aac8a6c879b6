package org.hebergos.dockerlink.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The unchanged WAR on WildFly (RESTEasy, Weld, WildFly's EJB container and concurrency), history in
 * the embedded H2 file, surviving a restart of the server.
 */
class WildFlyIT extends ServerSuite {

    private static WildFlyServer server;

    @BeforeAll
    static void startServer() {
        server = WildFlyServer.start(AgentEnv.of("wildfly").write("wildfly"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Agent agent() {
        return server.agent();
    }

    @Override
    void restartAgent() {
        server.restart();
    }
}
