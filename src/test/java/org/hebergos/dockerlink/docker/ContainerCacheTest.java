package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The cache fed with listings, inspections and events directly, as the catalogue and the event thread do. */
class ContainerCacheTest {

    private static final String WEB = "a".repeat(64);
    private static final String DB = "b".repeat(64);

    private final ContainerCache cut = new ContainerCache();
    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicInteger inspections = new AtomicInteger();
    private List<ContainerInfo> engine = List.of(container(WEB, "web", 1), container(DB, "db", 2));

    private static ContainerInfo container(String id, String name, long started) {
        return new ContainerInfo(id, name, "hebergos-test/busybox:1", "running", null, run(started));
    }

    private static RunInfo run(long started) {
        return new RunInfo(Instant.ofEpochSecond(started), 0, 0, 0, "default");
    }

    private final Supplier<List<ContainerInfo>> list = () -> {
        listings.incrementAndGet();
        return engine;
    };

    private final Function<String, RunInfo> inspect = id -> {
        inspections.incrementAndGet();
        return run(engine.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().run().startedAt().getEpochSecond());
    };

    /** The engine's inspect: always current, unlike its listing, which may lag behind an event. */
    private final Function<String, ContainerInfo> entry = id -> {
        inspections.incrementAndGet();
        return engine.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new ContainerNotFound(id));
    };

    @Test
    void whileWatchingANewListingIsTakenOnlyAfterAChange() {
        cut.streamOpened();
        assertSame(engine, cut.containers(list, entry));
        cut.containers(list, entry);
        cut.containers(list, entry);
        assertEquals(1, listings.get(), "nothing changed: the engine is asked once");

        cut.acted(DB);
        engine = List.of(container(WEB, "web", 1));
        assertEquals(engine, cut.containers(list, entry));
        assertEquals(2, listings.get());
    }

    @Test
    void withoutAnEventStreamNothingIsRemembered() {
        cut.containers(list, entry);
        cut.containers(list, entry);
        cut.run(WEB, inspect);
        cut.run(WEB, inspect);
        assertEquals(2, listings.get());
        assertEquals(2, inspections.get());
    }

    @Test
    void aRunIsInspectedOnceAndForgottenWhenItsContainerChanges() {
        cut.streamOpened();
        assertEquals(run(1), cut.run(WEB, inspect));
        assertEquals(run(1), cut.run(WEB, inspect));
        assertEquals(1, inspections.get());

        engine = List.of(container(WEB, "web", 5), container(DB, "db", 2));
        cut.acted(WEB);
        assertEquals(run(5), cut.run(WEB, inspect), "the restarted run, not the remembered one");
        cut.run(DB, inspect);
        cut.run(DB, inspect);
        assertEquals(3, inspections.get(), "a change of web does not drop db");
    }

    @Test
    void ourOwnActionIsReadBackByAnInspectNotTheListing() {
        cut.streamOpened();
        cut.containers(list, entry);
        List<ContainerInfo> stale = engine;
        engine = List.of(stopped(WEB, "web", 143), container(DB, "db", 2));
        cut.acted(WEB);
        // the engine's listing still says running just after our stop returned
        assertEquals(List.of(stopped(WEB, "web", 143), container(DB, "db", 2)), cut.containers(() -> stale, entry));
        assertEquals(1, inspections.get(), "only the container we acted on is inspected");
        cut.containers(() -> stale, entry);
        assertEquals(1, inspections.get(), "once");
    }

    @Test
    void pauseAndUnpauseComeFromTheEventsWhateverTheListingStillSays() {
        cut.streamOpened();
        List<ContainerInfo> running = engine;
        cut.containers(list, entry);
        event("pause", WEB);
        List<ContainerInfo> listed = cut.containers(() -> running, entry);
        assertEquals(new ContainerInfo(WEB, "web", "hebergos-test/busybox:1", "paused", null, null), listed.get(0));
        assertEquals(List.of(DB), cut.containers(() -> running, entry).stream().filter(ContainerInfo::running).map(ContainerInfo::id).toList(),
                "not sampled while paused");

        List<ContainerInfo> paused = List.of(new ContainerInfo(WEB, "web", "hebergos-test/busybox:1", "paused", null, null), container(DB, "db", 2));
        event("unpause", WEB);
        assertEquals(container(WEB, "web", 1), cut.containers(() -> paused, entry).get(0), "running again, its run inspected");
        assertEquals(container(WEB, "web", 1), cut.containers(() -> paused, entry).get(0), "and it stays so");
    }

    @Test
    void anInspectAnsweredBeforeANewerEventNeverOverwritesIt() {
        cut.streamOpened();
        cut.containers(list, entry);
        event("die", WEB);
        List<ContainerInfo> result = cut.containers(list, id -> {
            // the engine answers "exited" while the container is already started again
            event("start", WEB);
            return stopped(WEB, "web", 0);
        });
        assertEquals("running", result.get(0).state());
        assertEquals("running", cut.containers(list, entry).get(0).state());
    }

    @Test
    void aDieIsAskedOfTheEngineWhichMayBeRestartingIt() {
        cut.streamOpened();
        cut.containers(list, entry);
        engine = List.of(new ContainerInfo(WEB, "web", "hebergos-test/busybox:1", "restarting", null, null), container(DB, "db", 2));
        event("die", WEB);
        assertEquals(engine, cut.containers(list, entry));
    }

    @Test
    void aContainerGoneBeforeItsInspectIsLeftOut() {
        cut.streamOpened();
        List<ContainerInfo> both = engine;
        cut.containers(list, entry);
        engine = List.of(container(DB, "db", 2));
        event("die", WEB);
        assertEquals(engine, cut.containers(() -> both, entry));
    }

    @Test
    void aBrokenStreamForgetsWhatTheEventsSaid() {
        cut.streamOpened();
        cut.containers(list, entry);
        event("pause", WEB);
        cut.streamClosed();
        assertEquals(engine, cut.containers(list, entry), "the engine's listing, as it is");
    }

    @Test
    void aMarkMadeWhileAListingIsOnItsWayOutlivesIt() {
        cut.streamOpened();
        String made = "c".repeat(64);
        List<ContainerInfo> before = engine;
        cut.containers(() -> {
            event("pause", made); // created, started and paused while the engine answers
            return before;
        }, entry);
        engine = List.of(container(WEB, "web", 1), container(DB, "db", 2), container(made, "web", 3));
        assertEquals("paused", cut.containers(list, entry).get(2).state(), "not the listing's stale running");
    }

    private static ContainerInfo stopped(String id, String name, int exitCode) {
        return new ContainerInfo(id, name, "hebergos-test/busybox:1", "exited", exitCode, null);
    }

    /** A container event as engine 20.10 streams it. */
    private void event(String action, String id) {
        String json = "{\"status\":\"" + action + "\",\"id\":\"" + id + "\",\"Type\":\"container\",\"Action\":\"" + action
                + "\",\"Actor\":{\"ID\":\"" + id + "\",\"Attributes\":{\"name\":\"web\"}},\"time\":1795755340}";
        try {
            EngineEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), cut::event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aBrokenStreamDropsEverythingAndMemoryIsNotTrustedUntilItReopens() {
        cut.streamOpened();
        cut.containers(list, entry);
        cut.run(WEB, inspect);
        cut.streamClosed();
        cut.containers(list, entry);
        cut.containers(list, entry);
        cut.run(WEB, inspect);
        assertEquals(3, listings.get());
        assertEquals(2, inspections.get());

        cut.streamOpened();
        cut.containers(list, entry);
        cut.containers(list, entry);
        assertEquals(4, listings.get());
    }

    @Test
    void aListingTakenBeforeTheStreamOpenedIsNotTrusted() {
        List<ContainerInfo> before = engine;
        Supplier<List<ContainerInfo>> openingMeanwhile = () -> {
            listings.incrementAndGet();
            cut.streamOpened(); // the stream opens while the engine answers the list: a change may fall in between
            return before;
        };
        cut.containers(openingMeanwhile, entry);
        engine = List.of(container(DB, "db", 2));
        assertEquals(engine, cut.containers(list, entry), "the listing from before the stream is asked again");
    }

    @Test
    void aListingTakenAcrossAnEventIsNotKept() {
        cut.streamOpened();
        List<ContainerInfo> stale = engine;
        cut.containers(() -> {
            listings.incrementAndGet();
            cut.acted(DB); // the event arrives while the engine's answer is on its way
            return stale;
        }, entry);
        engine = List.of(container(WEB, "web", 1));
        assertEquals(engine, cut.containers(list, entry));
        assertEquals(2, listings.get());
    }

    /**
     * The race of a blocking inspect with the event thread: the event must neither wait for the inspect
     * nor be lost under it, and the run the engine answered before the event must not be kept.
     */
    @Test
    void anEventDuringAnInspectIsNeitherBlockedNorLost() throws Exception {
        cut.streamOpened();
        CountDownLatch inspecting = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CompletableFuture<RunInfo> slow = CompletableFuture.supplyAsync(() -> cut.run(WEB, id -> {
            inspecting.countDown();
            await(answer);
            return run(1); // what the engine said before the restart
        }));
        assertTrue(inspecting.await(30, TimeUnit.SECONDS));

        CompletableFuture<Void> event = CompletableFuture.runAsync(() -> cut.acted(WEB));
        event.get(30, TimeUnit.SECONDS); // returns while the inspect still hangs
        assertFalse(slow.isDone());

        answer.countDown();
        assertEquals(run(1), slow.get(30, TimeUnit.SECONDS));
        engine = List.of(container(WEB, "web", 7));
        assertEquals(run(7), cut.run(WEB, inspect), "the run inspected across the restart was not kept");
    }

    @Test
    void concurrentUseAndEventsNeverKeepARunOlderThanTheLastEvent() throws Exception {
        cut.streamOpened();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        AtomicLong current = new AtomicLong(1);
        for (int t = 0; t < 4; t++) {
            readers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2000; i++) {
                    cut.run(WEB, id -> run(current.get()));
                }
            }));
        }
        for (int restart = 2; restart < 200; restart++) {
            current.set(restart);
            cut.acted(WEB);
        }
        for (CompletableFuture<Void> reader : readers) {
            reader.get(60, TimeUnit.SECONDS);
        }
        assertEquals(run(199), cut.run(WEB, id -> run(current.get())));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
