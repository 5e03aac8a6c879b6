package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agent whose {@code docker_sock} points at nothing keeps running and answers 503 with a reason on
 * every call that needs Docker; one with no {@code api_token} refuses every {@code v1/} call.
 */
class DockerDownIT {

    private static MicroServer noDocker;
    private static MicroServer noToken;

    @BeforeAll
    static void start() {
        noDocker = MicroServer.start("no-docker", Map.of(
                "DOCKER_SOCK", "/nonexistent/docker.sock", "API_TOKEN", Agent.TOKEN, "DATA_DIR", "target/it/no-docker/data"));
        noToken = MicroServer.start("no-token", Map.of(
                "DOCKER_SOCK", "/var/run/docker.sock", "DATA_DIR", "target/it/no-token/data"));
    }

    @AfterAll
    static void stop() {
        if (noDocker != null) {
            noDocker.close();
        }
        if (noToken != null) {
            noToken.close();
        }
    }

    @Test
    void callsThatNeedDockerAnswer503WithAReason() {
        Agent agent = noDocker.agent();
        for (Agent.Reply reply : new Agent.Reply[] {
                agent.get("v1/container/"), agent.post("v1/container/start?id=abc"), agent.post("v1/container/stop?id=abc")}) {
            assertEquals(503, reply.status(), reply::toString);
            assertTrue(reply.isPlainText(), reply::toString);
            assertTrue(reply.body().contains("/nonexistent/docker.sock"), reply::toString);
            assertEquals(1, reply.body().strip().lines().count(), reply::toString);
        }
    }

    @Test
    void healthStillAnswersAndSaysDockerIsDown() {
        Agent.Reply reply = noDocker.agent().getAs(null, "health");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("down", reply.json().getString("docker"));
    }

    @Test
    void withoutConfiguredTokenEveryV1CallIsRefused() {
        Agent.Reply reply = noToken.agent().getAs("Bearer ", "v1/container/");
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(reply.body().contains("api_token"), reply::toString);
        assertEquals(503, noToken.agent().get("v1/container/").status());
    }
}
