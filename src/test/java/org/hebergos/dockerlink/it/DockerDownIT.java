package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        noDocker = MicroServer.start("no-docker", AgentEnv.of("no-docker").with("docker_sock", "/nonexistent/docker.sock"));
        noToken = MicroServer.start("no-token", AgentEnv.of("no-token").without("api_token"));
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
    void healthStillAnswersAndSaysDockerIsDownWithTheReasonOnlyForTheToken() {
        Agent.Reply anonymous = noDocker.agent().getAs(null, "health");
        assertEquals(200, anonymous.status(), anonymous::toString);
        assertEquals("down", anonymous.json().getString("docker"));
        assertFalse(anonymous.body().contains("/nonexistent"), anonymous::toString);
        Agent.Reply withToken = noDocker.agent().getAs("Bearer " + Agent.TOKEN, "health");
        assertTrue(withToken.json().getString("docker_reason").contains("/nonexistent/docker.sock"), withToken::toString);
    }

    @Test
    void healthTurnsDegradedWhenNoRoundIsStoredForThreeIntervals() {
        // stats_interval 2 s: three intervals without a stored round are over within seconds
        Agent.Reply reply = noDocker.agent().getAs(null, "health");
        for (int i = 0; i < 90 && !"degraded".equals(reply.json().getString("agent")); i++) {
            AgentIT.pause(500);
            reply = noDocker.agent().getAs(null, "health");
        }
        assertEquals("degraded", reply.json().getString("agent"), reply::toString);
        assertTrue(reply.json().getString("degraded_reason").startsWith("no stats round stored for"), reply::toString);
        assertFalse(reply.body().contains("/nonexistent"), reply::toString);
    }

    @Test
    void withoutConfiguredTokenEveryV1CallIsRefused() {
        Agent.Reply reply = noToken.agent().getAs("Bearer ", "v1/container/");
        assertEquals(503, reply.status(), reply::toString);
        assertTrue(reply.body().contains("api_token"), reply::toString);
        assertEquals(503, noToken.agent().get("v1/container/").status());
    }
}
