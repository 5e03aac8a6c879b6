package org.hebergos.dockerlink.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hebergos.dockerlink.stats.Sample;

/** Makes a long history quickly, for the integration tests: written by the store itself, as rounds and maintenance would have. */
public final class SeededHistory {

    private SeededHistory() {
    }

    /**
     * Writes a sample of {@code containerId} every {@code interval} seconds in [from, until) into the
     * database of {@code dataDir}, compacted and summarized, and closes it (before an agent opens it).
     */
    public static void seed(Path dataDir, String containerId, long from, long until, long interval) {
        try (OfflineHistory history = OfflineHistory.open(dataDir)) {
            HistoryStore store = history.store();
            long hour = from - Math.floorMod(from, 3600);
            List<Sample> batch = new ArrayList<>();
            for (long t = from; t < until; t += interval) {
                batch.add(Stores.sample(containerId, t, hour));
                if (batch.size() == 5000) {
                    store.insert(batch);
                    batch.clear();
                }
            }
            store.insert(batch);
            store.compactHours(until);
            store.summarize(until);
            history.rewriteFile();
        }
    }
}
