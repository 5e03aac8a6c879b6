package org.hebergos.dockerlink.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.hebergos.dockerlink.config.Settings;

/**
 * The connection to the Docker engine and the translation of its failures: docker-java's clients, built
 * once on first use and pooling their connections (a connection that broke while Docker was away is
 * replaced by a new one, so the agent recovers by itself when Docker returns), and the bare
 * {@link EngineSocket} for the stats of every round. Engine errors become {@code ContainerNotFound},
 * {@code DockerFailed} or {@code DockerRefused}; an engine that does not answer becomes {@code DockerUnavailable}.
 */
@ApplicationScoped
public class DockerConnection {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Settings settings;

    private volatile Engine engine;

    /**
     * Two clients on one engine, for short calls and for calls that legitimately take long (stop, exec,
     * events), their transports for the calls made without docker-java's models, and a bare socket for
     * the stats calls of every round.
     */
    record Engine(DockerClient api, DockerHttpClient http, DockerClient slow, DockerHttpClient slowHttp, EngineSocket socket) {
    }

    public void ping() {
        call(null, () -> engine().api().pingCmd().exec());
    }

    Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    engine = connect();
                }
                e = engine;
            }
        }
        return e;
    }

    /** Runs one engine call and translates whatever goes wrong into our exceptions. */
    <T> T call(String id, Supplier<T> action) {
        try {
            return action.get();
        } catch (NotFoundException e) {
            throw new ContainerNotFound(id);
        } catch (DockerException e) {
            throw new DockerFailed(String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        } catch (RuntimeException e) {
            if (causedByIo(e)) {
                throw new DockerUnavailable("engine at " + settings.dockerHost().orElse("?") + " does not answer ("
                        + rootMessage(e) + ")", e);
            }
            throw e;
        }
    }

    /** An engine call whose refusal (bad value, conflicting state) the panel must see with the engine's reason. */
    <T> T refusable(String id, Supplier<T> action) {
        return call(id, () -> {
            try {
                return action.get();
            } catch (NotFoundException e) {
                throw e;
            } catch (DockerException e) {
                if (e.getHttpStatus() == 400 || e.getHttpStatus() == 409 || e.getHttpStatus() == 500) {
                    throw new DockerRefused(engineReason(e));
                }
                throw e;
            }
        });
    }

    /** The engine's {@code message} of an error answer read through a transport. */
    static String readError(DockerHttpClient.Response response) {
        try {
            return JSON.readTree(response.getBody()).path("message").asText("status " + response.getStatusCode());
        } catch (IOException | RuntimeException e) {
            return "status " + response.getStatusCode();
        }
    }

    /** docker-java's message is {@code Status 409: {"message":"…"}}: the engine's message, on one line. */
    static String engineReason(DockerException e) {
        String text = String.valueOf(e.getMessage());
        int body = text.indexOf('{');
        if (body >= 0) {
            try {
                text = JSON.readTree(text.substring(body)).path("message").asText(text);
            } catch (IOException notJson) {
                // the text as it is
            }
        }
        return text.replaceAll("\\s+", " ").strip();
    }

    @PreDestroy
    void close() {
        Engine e = engine;
        if (e != null) {
            closeQuietly(e.api());
            closeQuietly(e.slow());
        }
    }

    private Engine connect() {
        String host = settings.dockerHost()
                .orElseThrow(() -> new DockerUnavailable("docker_sock is not set in the agent's .env", null));
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        Duration timeout = settings.dockerTimeout();
        Duration slowTimeout = timeout.plus(Duration.ofSeconds(ContainerActions.MAX_STOP_SECONDS)).plus(settings.gitTimeout());
        DockerHttpClient http = http(config.getDockerHost(), timeout);
        DockerHttpClient slowHttp = http(config.getDockerHost(), slowTimeout);
        return new Engine(DockerClientImpl.getInstance(config, http), http,
                DockerClientImpl.getInstance(config, slowHttp), slowHttp, new EngineSocket(config.getDockerHost()));
    }

    private static DockerHttpClient http(URI host, Duration responseTimeout) {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(host)
                .maxConnections(100)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(responseTimeout)
                .build();
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // shutting down: nothing left to tell
        }
    }
}
