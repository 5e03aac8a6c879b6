package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trust boundary as an attacker sees it: every path shape that could route around the token check
 * (matrix parameters, encodings, dot-segments, doubled slashes, case), the server's own descriptions of
 * the API, and oversized requests.
 */
class SecurityIT extends AgentIT {

    private static final String NAME = "it-sec-" + UUID.randomUUID().toString().substring(0, 8);
    private String running;

    @BeforeEach
    void container() {
        running = Docker.runDetached("--name", NAME, Docker.BUSYBOX, "sleep", "3600");
    }

    @AfterEach
    void remove() {
        Docker.remove(running);
    }

    @Test
    void noPathShapeReachesTheContainerListWithoutTheToken() {
        List<String> shapes = List.of(
                "v1;x/container/", "v1/container;x/", "v1;/container/", "v1/container/;", "v1;x=y/container;a=b/",
                "/v1/container/", "./v1/container/", "v1/./container/", "v1//container/",
                "health/../v1/container/", "health/..;/v1/container/", "x/../v1/container/",
                "%76%31/container/", "v1%2Fcontainer/", "v1/%63ontainer/", "v1/container%2F",
                "V1/container/", "v1/Container/", "v1/container/?running=false", "health/%2e%2e/v1/container/");
        for (String shape : shapes) {
            Agent.Reply reply = agent.raw("GET", shape, null);
            assertFalse(reply.body().contains(running), () -> shape + " leaked the list: " + reply);
            assertEquals(401, reply.status(), () -> shape + " -> " + reply);
            assertTrue(reply.isPlainText(), () -> shape + " -> " + reply);
        }
    }

    @Test
    void noPathShapeStopsAContainerWithoutTheToken() {
        for (String shape : List.of("v1;x/container/stop", "v1/container;x/stop", "v1/container/stop;", "v1//container/stop",
                "health/../v1/container/stop", "%76%31/container/stop")) {
            Agent.Reply reply = agent.raw("POST", shape + "?id=" + running + "&t=0", null);
            assertEquals(401, reply.status(), () -> shape + " -> " + reply);
        }
        assertEquals("running", Docker.inspect(running, "{{.State.Status}}"));
    }

    @Test
    void gitAndStatsNeedTheTokenWhateverTheShape() {
        for (String shape : List.of("v1;x/git/head", "v1/git;x/branch", "v1;x/container/stats", "v1/container/stats;")) {
            Agent.Reply reply = agent.raw("GET", shape + "?id=" + running + "&since=0", null);
            assertEquals(401, reply.status(), () -> shape + " -> " + reply);
        }
    }

    @Test
    void unknownPathsAndOtherMethodsNeedTheTokenToo() {
        for (String[] call : new String[][] {{"GET", "nothing-here"}, {"GET", "v1/nothing"}, {"POST", "health"},
                {"OPTIONS", "v1/container/"}, {"OPTIONS", "health"}, {"DELETE", "v1/container/"}}) {
            Agent.Reply reply = agent.raw(call[0], call[1], null);
            assertEquals(401, reply.status(), () -> String.join(" ", call) + " -> " + reply);
            assertTrue(reply.isPlainText(), reply::toString);
        }
    }

    @Test
    void theServerPublishesNoDescriptionOfThePaths() {
        Agent.Reply anonymous = agent.raw("GET", "application.wadl", null);
        assertEquals(401, anonymous.status(), anonymous::toString);
        Agent.Reply withToken = agent.get("application.wadl");
        assertEquals(404, withToken.status(), withToken::toString);
        assertFalse(withToken.body().contains("container"), withToken::toString);
    }

    @Test
    void healthIsPublicAndSaysNothingAboutPaths() {
        Agent.Reply matrix = agent.raw("GET", "health;x", null);
        assertEquals(200, matrix.status(), matrix::toString);
        Agent.Reply reply = agent.getAs(null, "health");
        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.body().contains("/var/run"), reply::toString);
        assertFalse(reply.body().contains(running), reply::toString);
    }

    @Test
    void aThousandIdsInOneUrlAreAnswered() {
        String ids = IntStream.range(0, 1000).mapToObj(i -> "id=absent" + i).collect(Collectors.joining("&"));
        Agent.Reply reply = agent.get("v1/container/?" + ids + "&id=" + NAME);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.json().containsKey(running), reply::toString);
    }
}
