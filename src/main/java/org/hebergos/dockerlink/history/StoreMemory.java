package org.hebergos.dockerlink.history;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link HistoryStore} remembers of the database between calls. All of it is void once a new
 * database was started (the old file damaged): {@link #forgetIfReplaced} forgets it then, before a
 * series number of the old file could be used in the new one.
 */
final class StoreMemory {

    /** Each container's series number. */
    final Map<String, Integer> series = new ConcurrentHashMap<>();
    /** Containers found to have history: only a purge takes it away, and each purge forgets them all. */
    final Set<String> withHistory = ConcurrentHashMap.newKeySet();
    /** The {@link HistoryDatabase#generation} the two are of. */
    private volatile int generation;

    void forgetIfReplaced(HistoryDatabase database) {
        int current = database.generation();
        if (current != generation) {
            series.clear();
            withHistory.clear();
            generation = current;
        }
    }
}
