package org.hebergos.dockerlink.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hebergos.dockerlink.docker.ContainerEvent;
import org.junit.jupiter.api.Test;

class ContainerEntryTrackerTest {

    private static final String ID = "c".repeat(64);
    private static final long T = 1_795_755_340L;

    private final List<String> lookups = new ArrayList<>();
    private final ContainerEntryTracker cut = new ContainerEntryTracker(id -> {
        lookups.add(id);
        return Optional.of(new ContainerEntryTracker.Entry("listed", "running", null, T - 100));
    });

    private Optional<String> apply(String action, String name, Integer exitCode, long second) {
        return cut.apply(new ContainerEvent(ID, action, name, exitCode, second * 1_000_000_000L + 123));
    }

    @Test
    void eventsBecomeListEntriesWithOnlyTheFieldsThatApply() {
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"web\",\"state\":\"created\"}", apply("create", "web", null, T).orElseThrow());
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"web\",\"state\":\"running\",\"started_at\":" + T + "}",
                apply("start", "web", null, T).orElseThrow());
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"web\",\"state\":\"exited\",\"exit_code\":137}",
                apply("die", "web", 137, T + 5).orElseThrow());
        assertEquals("{\"id\":\"" + ID + "\",\"removed\":true}", apply("destroy", "web", null, T + 6).orElseThrow());
        assertTrue(lookups.isEmpty(), "no engine call: " + lookups);
    }

    @Test
    void aDockerRestartIsOneExitAndOneStartNotThree() {
        apply("start", "web", null, T);
        assertTrue(apply("die", "web", 0, T + 1).isPresent());
        assertTrue(apply("start", "web", null, T + 1).isPresent());
        assertEquals(Optional.empty(), apply("restart", "web", null, T + 2), "the list entry did not change");
        assertEquals(Optional.empty(), apply("update", "web", null, T + 3), "limits are not in the list entry");
    }

    @Test
    void pauseKeepsTheRunAndUnpauseGivesItBack() {
        apply("start", "web", null, T);
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"web\",\"state\":\"paused\"}", apply("pause", "web", null, T + 5).orElseThrow());
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"web\",\"state\":\"running\",\"started_at\":" + T + "}",
                apply("unpause", "web", null, T + 9).orElseThrow());
        assertTrue(lookups.isEmpty(), lookups::toString);
    }

    @Test
    void renameKeepsTheStateAndLooksUpOnlyAContainerNeverSeen() {
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"listed\",\"state\":\"running\",\"started_at\":" + (T - 100) + "}",
                apply("rename", "listed", null, T).orElseThrow());
        assertEquals(List.of(ID), lookups);
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"api\",\"state\":\"running\",\"started_at\":" + (T - 100) + "}",
                apply("rename", "api", null, T + 1).orElseThrow());
        assertEquals(1, lookups.size(), "known since");
    }

    @Test
    void forgettingMakesTheNextEventLookUpAgain() {
        apply("start", "web", null, T);
        cut.forget();
        apply("rename", "listed", null, T + 1);
        assertEquals(List.of(ID), lookups);
    }

    /** A lookup answers what is true now: just after an unpause the engine's list may still say paused. */
    @Test
    void anUnpauseIsRunningFromTheEventItselfWhateverALookupSays() {
        ContainerEntryTracker racing = new ContainerEntryTracker(id -> Optional.of(new ContainerEntryTracker.Entry("web", "paused", null, null)));
        racing.apply(new ContainerEvent(ID, "pause", "web", null, T * 1_000_000_000L));
        assertEquals("{\"id\":\"" + ID + "\",\"name\":\"web\",\"state\":\"running\"}",
                racing.apply(new ContainerEvent(ID, "unpause", "web", null, (T + 2) * 1_000_000_000L)).orElseThrow());
    }
}
