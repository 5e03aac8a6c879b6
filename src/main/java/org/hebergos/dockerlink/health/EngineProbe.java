package org.hebergos.dockerlink.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hebergos.dockerlink.docker.DockerConnection;
import org.hebergos.dockerlink.error.AgentException;

/**
 * What {@code /health} says about the engine: the outcome of the last ping, refreshed at most once a
 * second by one ping at a time on a managed thread. A caller never waits for the engine (except for the
 * very first ping, and then at most {@link #PATIENCE}), so a flood of unauthenticated {@code /health}
 * calls costs the engine one ping a second and holds no request thread on a hung engine; a ping that
 * has not answered within {@link #PATIENCE} counts as the engine being down.
 */
@ApplicationScoped
public class EngineProbe {

    static final Duration REFRESH = Duration.ofSeconds(1);
    static final Duration PATIENCE = Duration.ofSeconds(2);

    @Inject
    DockerConnection docker;
    @Resource
    ManagedExecutorService executor;

    private CompletableFuture<Optional<String>> ping;
    private long pingStarted;
    private Optional<String> lastKnown;
    private long lastChecked;

    /** Why the engine is down, empty while it answers. */
    public Optional<String> problem() {
        CompletableFuture<Optional<String>> first;
        synchronized (this) {
            long now = System.nanoTime();
            if (ping != null && ping.isDone()) {
                lastKnown = ping.join();
                lastChecked = pingStarted;
                ping = null;
            }
            if (ping != null && now - pingStarted > PATIENCE.toNanos()) {
                return Optional.of("the engine did not answer a ping within " + PATIENCE.toSeconds() + " s");
            }
            if (ping == null && (lastKnown == null || now - lastChecked >= REFRESH.toNanos())) {
                pingStarted = now;
                ping = CompletableFuture.supplyAsync(this::ping, executor);
            }
            if (lastKnown != null) {
                return lastKnown;
            }
            first = ping;
        }
        try {
            return first.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("the engine did not answer a ping within " + PATIENCE.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while waiting for the engine");
        }
    }

    private Optional<String> ping() {
        try {
            docker.ping();
            return Optional.empty();
        } catch (AgentException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("ping failed: " + e);
        }
    }
}
