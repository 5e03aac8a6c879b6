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
import org.hebergos.dockerlink.error.GitBusy;
import org.junit.jupiter.api.Test;

class RepositoryLocksTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final RepositoryLocks cut = new RepositoryLocks();

    @Test
    void aRepositoryIsForgottenOnceNoCallHoldsOrWaitsForIt() {
        for (int i = 0; i < 1000; i++) {
            String repo = "/srv/repo" + i;
            assertEquals(repo, cut.inTurn("container:" + repo, repo, LONG, () -> repo));
        }
        assertEquals(0, cut.size(), "one entry per repository ever used would grow forever");
        assertThrows(IllegalStateException.class, () -> cut.inTurn("c:/failing", "/failing", LONG, () -> {
            throw new IllegalStateException("git failed");
        }));
        assertEquals(0, cut.size(), "a failed call is forgotten too");
    }

    @Test
    void callsOnTheSameRepositoryTakeTurnsAndTheLastOneOutForgetsIt() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicBoolean firstDone = new AtomicBoolean();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> cut.inTurn("c:/srv/app", "/srv/app", LONG, () -> {
            firstInside.countDown();
            await(releaseFirst);
            firstDone.set(true);
            return null;
        }));
        assertTrue(firstInside.await(30, TimeUnit.SECONDS));
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            secondStarted.countDown();
            return cut.inTurn("c:/srv/app", "/srv/app", LONG, firstDone::get);
        });
        assertTrue(secondStarted.await(30, TimeUnit.SECONDS));
        assertEquals("other", cut.inTurn("c:/srv/other", "/srv/other", LONG, () -> "other"), "another repository does not wait");
        assertFalse(second.isDone(), "the same repository waits for the first call");

        releaseFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertTrue(second.get(30, TimeUnit.SECONDS), "the second call ran after the first one ended");
        assertEquals(0, cut.size());
    }

    @Test
    void aCallThatNeverGetsItsTurnIsBusyAndLeavesNothingBehind() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> cut.inTurn("c:/srv/app", "/srv/app", LONG, () -> {
            inside.countDown();
            await(release);
            return null;
        }));
        assertTrue(inside.await(30, TimeUnit.SECONDS));
        GitBusy busy = assertThrows(GitBusy.class, () -> cut.inTurn("c:/srv/app", "/srv/app", Duration.ofMillis(50), () -> "never"));
        assertTrue(busy.getMessage().contains("/srv/app"), busy.getMessage());
        assertEquals(1, cut.size(), "only the holder's entry is left");
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertEquals(0, cut.size());
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
