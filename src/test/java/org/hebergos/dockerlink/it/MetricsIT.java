package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hebergos.dockerlink.stats.StatsMath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} as Prometheus sees it: checked by the real {@code promtool}, and scraped by a real
 * Prometheus server with the bearer token (Debian's {@code prometheus} package, which scripts/test.sh
 * installs when missing). The agent under test samples every 2 s.
 */
class MetricsIT extends AgentIT {


    private Process prometheus;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aScrapeNeedsTheToken() {
        Agent.Reply anonymous = agent.getAs(null, "metrics");
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertTrue(anonymous.isPlainText(), anonymous::toString);
        assertEquals(401, agent.getAs("Bearer wrong", "metrics").status());
    }

    @Test
    void promtoolAcceptsTheScrapeOfARunningContainer() throws Exception {
        String name = "metrics-it-" + Long.toHexString(System.nanoTime());
        String id = run("--name", name, "--cpus", "0.5", "-m", "64m", Docker.BUSYBOX, "sleep", "3600");
        String body = scrapeUntil("container_memory_working_set_bytes{id=\"/docker/" + id + "\",image=\"" + Docker.BUSYBOX
                + "\",name=\"" + name + "\"}");
        assertTrue(body.contains("container_spec_cpu_quota{id=\"/docker/" + id + "\""), body);
        assertTrue(body.contains("container_spec_memory_limit_bytes{id=\"/docker/" + id + "\",image=\"" + Docker.BUSYBOX
                + "\",name=\"" + name + "\"} 6.7108864E7 "), "-m 64m: " + body);
        assertTrue(body.contains("\nhebergos_docker_up 1.0\n"), body);

        Process promtool = new ProcessBuilder(promtool(), "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String verdict = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, promtool.exitValue(), "promtool check metrics: " + verdict);

        Agent.Reply open = agent.getAccepting("application/openmetrics-text;version=1.0.0", "metrics");
        assertTrue(open.contentType().startsWith("application/openmetrics-text"), open::toString);
        assertTrue(open.body().endsWith("# EOF\n"), "OpenMetrics ends with # EOF");
    }

    @Test
    void prometheusScrapingWithTheTokenStoresTheWorkingSetTheStatsEndpointReports() throws Exception {
        String name = "metrics-it-" + Long.toHexString(System.nanoTime());
        String id = run("--name", name, Docker.BUSYBOX, "sh", "-c", "head -c 3000000 /dev/urandom > /tmp/f; sleep 3600");
        prometheus = startPrometheus();
        String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
                + URLEncoder.encode("container_memory_working_set_bytes{name=\"" + name + "\"}[1m]", StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        awaitPrometheus(deadline);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            JsonObject answer = Json.createReader(new StringReader(last = httpGet(api))).readObject();
            assertEquals("success", answer.getString("status"), last);
            JsonArray series = answer.getJsonObject("data").getJsonArray("result");
            if (!series.isEmpty()) {
                JsonObject labels = series.getJsonObject(0).getJsonObject("metric");
                assertEquals("/docker/" + id, labels.getString("id"), last);
                assertEquals(Docker.BUSYBOX, labels.getString("image"), last);
                Map<Long, Double> stored = usedBytesByRound(id);
                for (JsonValue point : series.getJsonObject(0).getJsonArray("values")) {
                    long time = Math.round(point.asJsonArray().getJsonNumber(0).doubleValue());
                    double value = Double.parseDouble(point.asJsonArray().getString(1));
                    if (stored.containsKey(time)) {
                        assertEquals(stored.get(time), value, 1.0,
                                "Prometheus' value for round " + time + " is the stats endpoint's memory.used of that round");
                        return;
                    }
                }
            }
            pause(500);
        }
        fail("Prometheus had no working set of " + name + " for a round the stats endpoint reports within 45 s: " + last
                + "\nstats: " + usedBytesByRound(id) + "\nPrometheus' targets: "
                + httpGet("http://127.0.0.1:" + prometheusPort + "/api/v1/targets") + "\nits log: " + prometheusLog);
    }

    /** memory.used of each stored sample, in bytes, by round. */
    private Map<Long, Double> usedBytesByRound(String id) {
        Agent.Reply reply = agent.get("v1/container/stats?id=" + id + "&since=0");
        assertEquals(200, reply.status(), reply::toString);
        Map<Long, Double> used = new HashMap<>();
        reply.json().forEach((time, sample) ->
                used.put(Long.parseLong(time), sample.asJsonObject().getJsonObject("memory").getJsonNumber("used").doubleValue() * StatsMath.BYTES_PER_GIB));
        return used;
    }

    private String scrapeUntil(String series) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Agent.Reply reply;
        do {
            reply = agent.get("metrics");
            assertEquals(200, reply.status(), reply::toString);
            if (reply.body().contains("\n" + series + " ")) {
                return reply.body();
            }
            pause(500);
        } while (Instant.now().isBefore(deadline));
        return fail(series + " not scraped within 30 s: " + reply.body());
    }

    private int prometheusPort;
    private Path prometheusLog;

    /** Prometheus scraping the agent every second with the token, as the README's scrape config says. */
    private Process startPrometheus() throws IOException {
        prometheusPort = freePort();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("it.dir", "target/it")), "prometheus");
        URI agentUri = URI.create(agent.base());
        Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "scrape_configs:",
                "  - job_name: docker-link",
                "    metrics_path: " + agentUri.getPath() + "metrics",
                "    authorization:",
                "      credentials: " + Agent.TOKEN,
                "    static_configs:",
                // the agent listens on every interface; Prometheus reaches it over the loopback
                "      - targets: ['127.0.0.1:" + agentUri.getPort() + "']",
                ""));
        prometheusLog = dir.resolve("prometheus.log");
        return new ProcessBuilder(prometheus(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(prometheusLog.toFile()).start();
    }

    /** The body of a GET; an agent or Prometheus that does not answer fails the test. */
    private static String httpGet(String url) {
        try {
            return get(url).body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        }
    }

    private static java.net.http.HttpResponse<String> get(String url) throws IOException {
        try {
            return java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the Prometheus just started answers that it is ready (its port refuses connections until then). */
    private void awaitPrometheus(Instant deadline) throws IOException {
        String ready = "http://127.0.0.1:" + prometheusPort + "/-/ready";
        while (true) {
            try {
                if (get(ready).statusCode() == 200) {
                    return;
                }
            } catch (java.net.ConnectException notListeningYet) {
                // not yet
            }
            if (Instant.now().isAfter(deadline)) {
                fail("Prometheus not ready: " + Files.readString(prometheusLog));
            }
            pause(250);
        }
    }

    private static String promtool() {
        return binary("promtool");
    }

    private static String prometheus() {
        return binary("prometheus");
    }

    /** A binary of Debian's prometheus package; fails loudly when it is missing. */
    private static String binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(name + " is not installed: run the tests with scripts/test.sh, which installs Debian's prometheus package");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
