package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.json.Json;
import java.io.StringReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The agent's real answers, successes and errors, against the OpenAPI document it serves, checked by a real
 * OpenAPI validator (Atlassian's swagger-request-validator): status, media type and body schema of every
 * documented operation.
 */
class OpenApiIT extends AgentIT {

    private OpenApiInteractionValidator validator;
    private final Set<String> exercised = new TreeSet<>();

    @Test
    void theDocumentIsServedWithoutTokenAsYamlOrJson() {
        Agent.Reply yaml = agent.getAs(null, "openapi");
        assertEquals(200, yaml.status(), yaml::toString);
        assertTrue(yaml.contentType().startsWith("application/yaml"), yaml::toString);
        assertTrue(yaml.body().contains("openapi: 3.0.3"), yaml::toString);

        Agent.Reply json = agent.getAs(null, "openapi.json");
        assertEquals(200, json.status(), json::toString);
        assertTrue(json.contentType().startsWith("application/json"), json::toString);
        assertEquals("3.0.3", json.json().getString("openapi"));

        Agent.Reply negotiated = agent.getAccepting("application/json", "openapi");
        assertTrue(negotiated.contentType().startsWith("application/json"), negotiated::toString);
        assertEquals(json.json(), negotiated.json(), "the same document either way");
        assertEquals(new OpenAPIV3Parser().readContents(yaml.body()).getOpenAPI(),
                new OpenAPIV3Parser().readContents(json.body()).getOpenAPI(), "the YAML and the JSON say the same");
    }

    @Test
    void everyEndpointAnswersAsDocumented() {
        String spec = agent.getAs(null, "openapi").body();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
        String busybox = run(Docker.BUSYBOX, "sleep", "3600");
        String stopped = Docker.create(Docker.BUSYBOX, "sleep", "3600");
        containers.add(stopped);
        // a repository that is its own origin, so that git fetch --all says something ("Fetching origin")
        String git = run(Docker.GIT, "sh", "-c", "git init -q -b main /srv/app && cd /srv/app && "
                + "git -c user.email=it@example.com -c user.name=it commit -q --allow-empty -m one && "
                + "git remote add origin /srv/app && sleep 3600");
        awaitRepository(git);

        check("GET", "health", null, 200);
        check("GET", "metrics", Agent.TOKEN, 200);
        check("GET", "openapi", null, 200);
        check("GET", "openapi.json", null, 200);

        check("GET", "v1/container/", Agent.TOKEN, 200);
        check("GET", "v1/container/?id=" + busybox + "&id=" + stopped, Agent.TOKEN, 200);
        check("GET", "v1/container/?running=maybe", Agent.TOKEN, 400);
        check("GET", "v1/container/", null, 401);
        check("POST", "v1/container/start?id=" + stopped, Agent.TOKEN, 204);
        check("POST", "v1/container/start?id=" + "f".repeat(64), Agent.TOKEN, 404);
        check("POST", "v1/container/start", Agent.TOKEN, 400);
        check("POST", "v1/container/restart?id=" + stopped + "&t=0", Agent.TOKEN, 204);
        check("POST", "v1/container/stop?id=" + stopped + "&t=0", Agent.TOKEN, 204);
        check("POST", "v1/container/stop?id=" + stopped + "&t=301", Agent.TOKEN, 400);
        check("PATCH", "v1/container/?id=" + busybox + "&cpulimit=50", Agent.TOKEN, 200);
        check("PATCH", "v1/container/?id=" + busybox, Agent.TOKEN, 400);
        check("DELETE", "v1/container/?id=" + busybox, Agent.TOKEN, 409);
        String removable = Docker.create(Docker.BUSYBOX, "true");
        containers.add(removable);
        check("DELETE", "v1/container/?id=" + removable, Agent.TOKEN, 204);
        check("GET", "v1/events?id=" + "f".repeat(64), Agent.TOKEN, 404);
        checkEventStreamOpens();

        awaitSample(busybox);
        check("GET", "v1/container/stats?id=" + busybox + "&since=0", Agent.TOKEN, 200);
        check("GET", "v1/container/stats?id=" + busybox + "&scale=day", Agent.TOKEN, 200);
        check("GET", "v1/container/stats?id=" + busybox + "&since=0&step=7", Agent.TOKEN, 400);
        check("GET", "v1/container/stats?id=" + busybox, Agent.TOKEN, 400);
        check("GET", "v1/container/stats?id=" + "f".repeat(64) + "&since=0", Agent.TOKEN, 404);

        check("GET", "v1/git?id=" + git + "&path=/srv/app", Agent.TOKEN, 200);
        check("GET", "v1/git/head?id=" + git, Agent.TOKEN, 200);
        check("GET", "v1/git/branch?id=" + git, Agent.TOKEN, 200);
        check("POST", "v1/git/branch?id=" + git + "&branch=main", Agent.TOKEN, 200);
        check("POST", "v1/git/branch?id=" + git + "&branch=-x", Agent.TOKEN, 400);
        check("POST", "v1/git/branch?id=" + git + "&branch=nowhere", Agent.TOKEN, 422);
        check("GET", "v1/git/head?id=" + git + "&path=/tmp", Agent.TOKEN, 422);
        check("GET", "v1/git/branch?id=" + busybox, Agent.TOKEN, 422);
        check("GET", "v1/git?id=" + stopped, Agent.TOKEN, 409);
        check("GET", "v1/git/head?id=" + git + "&path=relative", Agent.TOKEN, 400);

        Set<String> documented = new TreeSet<>();
        new OpenAPIV3Parser().readContents(spec).getOpenAPI().getPaths().forEach((path, item) ->
                item.readOperationsMap().keySet().forEach(method -> documented.add(method + " " + path)));
        assertEquals(documented, exercised, "every documented operation was called and validated");
    }

    /** Calls the agent and validates its answer against the operation the document gives for it. */
    private void check(String method, String pathAndQuery, String token, int expectedStatus) {
        String authorization = token == null ? null : "Bearer " + token;
        Agent.Reply reply = switch (method) {
            case "GET" -> agent.getAs(authorization, pathAndQuery);
            case "POST" -> agent.postAs(authorization, pathAndQuery);
            default -> agent.raw(method, pathAndQuery, authorization);
        };
        validate(method, pathAndQuery, expectedStatus, reply);
    }

    /** The event stream answers 200 with its media type and a first comment line; the stream is then closed. */
    private void checkEventStreamOpens() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(agent.base() + "v1/events"))
                .header("Authorization", "Bearer " + Agent.TOKEN).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String first = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine();
                validate("GET", "v1/events", 200, new Agent.Reply(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""), first + "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void validate(String method, String pathAndQuery, int expectedStatus, Agent.Reply reply) {
        assertEquals(expectedStatus, reply.status(), method + " " + pathAndQuery + ": " + reply);
        String path = URI.create("/" + pathAndQuery).getPath();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        if (!reply.contentType().isEmpty()) {
            response.withContentType(reply.contentType()).withBody(reply.body());
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        assertTrue(!report.hasErrors(), method + " " + pathAndQuery + " answered " + reply + "\nwhich the document does not allow:\n" + report);
        exercised.add(method + " " + path);
    }

    private static void awaitRepository(String container) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Docker.exec(container, "git", "-C", "/srv/app", "remote", "get-url", "origin").code() != 0) {
            assertTrue(Instant.now().isBefore(deadline), "the test repository was not created");
            pause(200);
        }
    }

    private void awaitSample(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Json.createReader(new StringReader(agent.get("v1/container/stats?id=" + id + "&since=0").body())).readObject().isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "no sample of " + id + " within 30 s");
            pause(300);
        }
    }
}
