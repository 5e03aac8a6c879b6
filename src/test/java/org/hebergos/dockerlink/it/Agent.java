package org.hebergos.dockerlink.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The panel's side of the API: plain HTTP calls to a running agent, with or without the token. */
final class Agent {

    /** The api_token of src/test/it-env/agent.env. */
    static final String TOKEN = "it-secret-token";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Agent(URL base) {
        this(base.toString());
    }

    Agent(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** The agent's base URL, ending with '/'. */
    String base() {
        return base;
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET(), "Bearer " + TOKEN);
    }

    Reply post(String pathAndQuery) {
        return postAs("Bearer " + TOKEN, pathAndQuery);
    }

    /** POST with the given Authorization header, or none when null. */
    Reply postAs(String authorization, String pathAndQuery) {
        return send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody()), authorization);
    }

    Reply postForm(String path, String form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "Bearer " + TOKEN);
    }

    /** GET with the given Authorization header, or none when null. */
    Reply getAs(String authorization, String pathAndQuery) {
        return send(request(pathAndQuery).GET(), authorization);
    }

    /** GET with the token and this Accept header. */
    Reply getAccepting(String accept, String pathAndQuery) {
        return send(request(pathAndQuery).header("Accept", accept).GET(), "Bearer " + TOKEN);
    }

    /**
     * Sends {@code method} for {@code target} (relative to the deployment) exactly as written (no client-side normalisation of dot-segments,
     * matrix parameters or encodings) over a plain socket, as an attacker's client would.
     */
    Reply raw(String method, String target, String authorization) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            String request = method + " " + uri.getRawPath() + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            String head = end < 0 ? answer : answer.substring(0, end);
            String contentType = head.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            return new Reply(Integer.parseInt(head.substring(9, 12)), contentType, end < 0 ? "" : answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PATCH with a body of the given content type, or none when {@code contentType} is null. */
    Reply patch(String pathAndQuery, String contentType, String body) {
        // HTTP/1.1 from the start: the server stalls on an h2c upgrade offer that carries a body
        HttpRequest.Builder request = request(pathAndQuery).version(HttpClient.Version.HTTP_1_1);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method("PATCH", body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)),
                "Bearer " + TOKEN);
    }

    Reply delete(String pathAndQuery) {
        return send(request(pathAndQuery).DELETE(), "Bearer " + TOKEN);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(120));
    }

    private static Reply send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String body) {

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        boolean isPlainText() {
            return contentType.startsWith("text/plain");
        }

        @Override
        public String toString() {
            return status + " " + contentType + ": " + body;
        }
    }
}
