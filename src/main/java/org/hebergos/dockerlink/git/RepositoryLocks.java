package org.hebergos.dockerlink.git;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes calls on the same repository take turns while other repositories run in parallel. A
 * repository has an entry only while a call holds or waits for its turn, so the map stays as small as
 * the number of repositories in use at this moment, however many were ever used.
 */
final class RepositoryLocks {

    /** One repository's turn and how many calls hold or wait for it; {@code users} changes only inside {@code compute}. */
    private static final class Turn {
        final Semaphore permit = new Semaphore(1, true);
        int users;
    }

    private final Map<String, Turn> turns = new ConcurrentHashMap<>();

    /**
     * Runs {@code call} once no other call on {@code key} runs.
     *
     * @throws GitBusy when the turn did not come within {@code wait}; {@code repo} names it in the message
     */
    <T> T inTurn(String key, String repo, Duration wait, Supplier<T> call) {
        Turn turn = turns.compute(key, (k, existing) -> {
            Turn t = existing != null ? existing : new Turn();
            t.users++;
            return t;
        });
        try {
            if (!turn.permit.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new GitBusy(repo);
            }
            try {
                return call.get();
            } finally {
                turn.permit.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitBusy(repo);
        } finally {
            turns.compute(key, (k, t) -> --t.users == 0 ? null : t);
        }
    }
}
