package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The agent started with the README's run command, watched from its first second: it never answers with
 * an HTML page or an empty error while it deploys, and it listens on no port but its HTTP port.
 */
class StartupIT {

    @Test
    void answersOnlyPlainAnswersFromTheFirstRequestAndListensOnlyOnItsPort() throws Exception {
        Docker.requireEngineAndImages();
        try (MicroServer server = MicroServer.launch("startup", AgentEnv.of("startup"))) {
            List<String> answers = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (true) {
                if (Instant.now().isAfter(deadline)) {
                    fail("the agent did not answer within 180 s; answers so far: " + answers);
                }
                try {
                    Agent.Reply reply = server.agent().get("v1/container/?id=none");
                    answers.add(reply.toString());
                    assertEquals(200, reply.status(), () -> "while deploying: " + answers);
                    assertEquals("{}", reply.body().strip());
                    break;
                } catch (UncheckedIOException refused) {
                    // the port opens only once the agent is deployed
                }
                Thread.sleep(100);
            }
            assertEquals(Set.of(server.port()), listeningPorts(server.pid()), "ports the agent's process listens on");
        }
    }

    @Test
    void aFailedDeploymentKeepsThePortClosedAndNamesTheKey() throws Exception {
        // events_clients 2,000,000,000 overflowed later into a bare IllegalArgumentException naming no key, and the
        // post-deploy file opened the port anyway: the server's HTML 404 and 500 pages answered
        try (MicroServer server = MicroServer.launch("failed-deployment",
                AgentEnv.of("failed-deployment").with("events_clients", "2000000000"))) {
            server.awaitLog("ready in", Duration.ofSeconds(180));
            String log = Files.readString(server.log(), StandardCharsets.ISO_8859_1);
            assertTrue(log.contains("events_clients: expected a whole number from 1 to"), "the reason names the key; see " + server.log());
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                fail("the port of a failed deployment accepts connections: "
                        + server.agent().getAs(null, "v1/container/"));
            } catch (ConnectException refused) {
                // closed, as before the deployment
            }
        }
    }

    private static Set<Integer> listeningPorts(long pid) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ss.waitFor(), out);
        Set<Integer> ports = new TreeSet<>();
        Pattern line = Pattern.compile("\\S+\\s+\\d+\\s+\\d+\\s+\\S*:(\\d+)\\s+.*pid=" + pid + ",");
        for (String l : out.lines().toList()) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                ports.add(Integer.valueOf(m.group(1)));
            }
        }
        assertTrue(!ports.isEmpty(), () -> "no listening socket found for pid " + pid + " in:\n" + out);
        return ports;
    }
}
