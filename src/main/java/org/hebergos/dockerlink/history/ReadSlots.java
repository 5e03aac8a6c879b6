package org.hebergos.dockerlink.history;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the requests that use a database connection at once to fewer than the embedded pool holds, so
 * the sampler's writes and the maintenance always find a connection free, however many clients read.
 */
final class ReadSlots {

    /** Connections of the embedded pool kept for the sampler (its reads and writes) and the maintenance. */
    static final int KEPT_FOR_WRITERS = 4;
    private static final long WAIT_SECONDS = 30;

    private final Semaphore slots = new Semaphore(HistoryDatabase.POOL_SIZE - KEPT_FOR_WRITERS, true);

    /** What a request does with the store. */
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} once a slot is free.
     *
     * @throws StoreUnavailable when none became free within {@code WAIT_SECONDS}
     */
    <T, E extends Exception> T run(Work<T, E> work) throws E {
        try {
            if (!slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreUnavailable("busy: " + (HistoryDatabase.POOL_SIZE - KEPT_FOR_WRITERS)
                        + " history reads running for " + WAIT_SECONDS + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for a history read", e);
        }
        try {
            return work.run();
        } finally {
            slots.release();
        }
    }
}
