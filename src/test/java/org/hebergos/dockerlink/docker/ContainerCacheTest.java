package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The cache fed with listings, inspections and events directly, as the gateway and the event thread do. */
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
        return new RunInfo(Instant.ofEpochSecond(started), 0, 0);
    }

    private final Supplier<List<ContainerInfo>> list = () -> {
        listings.incrementAndGet();
        return engine;
    };

    private final Function<String, RunInfo> inspect = id -> {
        inspections.incrementAndGet();
        return run(engine.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().run().startedAt().getEpochSecond());
    };

    @Test
    void whileWatchingANewListingIsTakenOnlyAfterAChange() {
        cut.streamOpened();
        assertSame(engine, cut.containers(list));
        cut.containers(list);
        cut.containers(list);
        assertEquals(1, listings.get(), "nothing changed: the engine is asked once");

        cut.changed(DB);
        engine = List.of(container(WEB, "web", 1));
        assertEquals(engine, cut.containers(list));
        assertEquals(2, listings.get());
    }

    @Test
    void withoutAnEventStreamNothingIsRemembered() {
        cut.containers(list);
        cut.containers(list);
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
        cut.changed(WEB);
        assertEquals(run(5), cut.run(WEB, inspect), "the restarted run, not the remembered one");
        cut.run(DB, inspect);
        cut.run(DB, inspect);
        assertEquals(3, inspections.get(), "a change of web does not drop db");
    }

    @Test
    void ourOwnStartByNameOrIdPrefixDropsThatContainersRun() {
        cut.streamOpened();
        cut.containers(list);
        cut.run(WEB, inspect);
        cut.run(DB, inspect);
        cut.changed("web");
        cut.changed("bbbb");
        cut.run(WEB, inspect);
        cut.run(DB, inspect);
        assertEquals(4, inspections.get());
    }

    @Test
    void aBrokenStreamDropsEverythingAndMemoryIsNotTrustedUntilItReopens() {
        cut.streamOpened();
        cut.containers(list);
        cut.run(WEB, inspect);
        cut.streamClosed();
        assertFalse(cut.watching());
        cut.containers(list);
        cut.containers(list);
        cut.run(WEB, inspect);
        assertEquals(3, listings.get());
        assertEquals(2, inspections.get());

        cut.streamOpened();
        cut.containers(list);
        cut.containers(list);
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
        cut.containers(openingMeanwhile);
        engine = List.of(container(DB, "db", 2));
        assertEquals(engine, cut.containers(list), "the listing from before the stream is asked again");
    }

    @Test
    void aListingTakenAcrossAnEventIsNotKept() {
        cut.streamOpened();
        List<ContainerInfo> stale = engine;
        cut.containers(() -> {
            listings.incrementAndGet();
            cut.changed(DB); // the event arrives while the engine's answer is on its way
            return stale;
        });
        engine = List.of(container(WEB, "web", 1));
        assertEquals(engine, cut.containers(list));
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

        CompletableFuture<Void> event = CompletableFuture.runAsync(() -> cut.changed(WEB));
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
            cut.changed(WEB);
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
