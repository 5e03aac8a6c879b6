package org.hebergos.dockerlink.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.hebergos.dockerlink.docker.RunInfo;
import org.junit.jupiter.api.Test;

/** A container's list entry as JSON-B writes it, with only the fields that apply. */
class ContainerViewTest {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final long T = 1_795_755_340L;

    @Test
    void aRunningContainerShowsItsStartAndAnExitedOneItsExitCode() {
        ContainerInfo running = new ContainerInfo("a".repeat(64), "web", "busybox", "running", null,
                new RunInfo(Instant.ofEpochSecond(T, 500_000_000), 1, 0, 0, "default"));
        ContainerInfo exited = new ContainerInfo("b".repeat(64), "job", "busybox", "exited", 137, null);
        assertEquals("{\"name\":\"web\",\"state\":\"running\",\"started_at\":" + T + "}", JSON.toJson(ContainerView.of(running)));
        assertEquals("{\"name\":\"job\",\"state\":\"exited\",\"exit_code\":137}", JSON.toJson(ContainerView.of(exited)));
    }

    @Test
    void anEventEntryStartsWithTheIdAndHidesWhatDoesNotApplyToItsState() {
        assertEquals("{\"id\":\"c\",\"name\":\"web\",\"state\":\"paused\"}", JSON.toJson(ContainerView.entry("c", "web", "paused", 0, T)));
        assertEquals("{\"id\":\"c\",\"name\":\"web\",\"state\":\"exited\",\"exit_code\":0}",
                JSON.toJson(ContainerView.entry("c", "web", "exited", 0, T)));
    }

    @Test
    void theAnswerToAChangeOfLimitsAddsThemLast() {
        ContainerInfo running = new ContainerInfo("a".repeat(64), "web", "busybox", "running", null,
                new RunInfo(Instant.ofEpochSecond(T), 1, 0, 0, "default"));
        assertEquals("{\"name\":\"web\",\"state\":\"running\",\"started_at\":" + T + ",\"memory_limit\":0.5,\"cpu_limit\":150.0}",
                JSON.toJson(ContainerView.of(running).withLimits(0.5, 150)));
    }
}
