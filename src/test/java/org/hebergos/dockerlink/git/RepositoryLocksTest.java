package org.hebergos.dockerlink.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RepositoryLocksTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration NO_WAIT = Duration.ZERO;

    private final RepositoryLocks cut = new RepositoryLocks();

    /** A call on {@code key} that holds its turn until {@link Holder#release}. */
    private final class Holder {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean done = new AtomicBoolean();
        final CompletableFuture<Void> call;

        Holder(String key) {
            call = CompletableFuture.runAsync(() -> cut.inTurn(key, key, LONG, () -> {
                inside.countDown();
                await(release);
                done.set(true);
                return null;
            }));
        }

        Holder holding() throws InterruptedException {
            assertTrue(inside.await(30, TimeUnit.SECONDS), "the call never got its turn");
            return this;
        }

        void release() throws Exception {
            release.countDown();
            call.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailedOrRefusedCallGivesItsTurnBack() throws Exception {
        assertThrows(IllegalStateException.class, () -> cut.inTurn("c:/srv/app", "/srv/app", LONG, () -> {
            throw new IllegalStateException("git failed");
        }));
        assertEquals("ran", cut.inTurn("c:/srv/app", "/srv/app", NO_WAIT, () -> "ran"), "the failed call left no turn taken");

        Holder holder = new Holder("c:/srv/app").holding();
        GitBusy busy = assertThrows(GitBusy.class, () -> cut.inTurn("c:/srv/app", "/srv/app", Duration.ofMillis(50), () -> "never"));
        assertTrue(busy.getMessage().contains("/srv/app"), busy.getMessage());
        holder.release();
        assertEquals("ran", cut.inTurn("c:/srv/app", "/srv/app", NO_WAIT, () -> "ran"), "the refused call left no turn taken");
    }

    @Test
    void callsOnTheSameRepositoryTakeTurnsOthersRunAtOnce() throws Exception {
        Holder first = new Holder("c:/srv/app").holding();
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            secondStarted.countDown();
            return cut.inTurn("c:/srv/app", "/srv/app", LONG, first.done::get);
        });
        assertTrue(secondStarted.await(30, TimeUnit.SECONDS));
        assertEquals("other", cut.inTurn("c:/srv/other", "/srv/other", NO_WAIT, () -> "other"), "another repository does not wait");
        assertFalse(second.isDone(), "the same repository waits for the first call");

        first.release();
        assertTrue(second.get(30, TimeUnit.SECONDS), "the second call ran after the first one ended");
    }

    /**
     * The entry of a repository is dropped when its last user leaves; a call arriving while the entry
     * still has a waiter must share that entry, not start a fresh one that would run alongside.
     */
    @Test
    void aCallArrivingWhileOthersWaitStillTakesItsTurn() throws Exception {
        Holder first = new Holder("c:/srv/app").holding();
        Holder second = new Holder("c:/srv/app");
        CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> cut.inTurn("c:/srv/app", "/srv/app", LONG, () -> "third"));
        first.release();
        second.holding();
        assertFalse(third.isDone(), "the third call waits while the second holds the turn");
        second.release();
        assertEquals("third", third.get(30, TimeUnit.SECONDS));
        assertEquals("again", cut.inTurn("c:/srv/app", "/srv/app", NO_WAIT, () -> "again"), "the last one out left the turn free");
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
