package org.hebergos.dockerlink.stats;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hebergos.dockerlink.config.Settings;

/**
 * Bench-only: fills the agent's own store (the project's StatsStore, same schema and SQL) with a
 * container's history of COUNT samples 10 s apart, ending now, compacted as the agent would have.
 * Usage: SeedHistory DATA_DIR CONTAINER_ID COUNT
 */
public final class SeedHistory {

    public static void main(String[] args) throws Exception {
        StatsStore store = new StatsStore();
        store.settings = Settings.from(Map.of("data_dir", Path.of(args[0]).toAbsolutePath().toString()), k -> null);
        store.open();
        String id = args[1];
        int count = Integer.parseInt(args[2]);
        long now = Instant.now().getEpochSecond();
        long started = (now - count * 10L) * 1000;
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long up = i * 4096L;
            long down = i * 65536L;
            batch.add(new Sample(id, now - (count - 1 - i) * 10L, started, 50_000_000L + i % 1000, 268_435_456L,
                    12.5, 50, i * 1_250_000_000L, i * 10_000_000_000L, up, down, i == 0 ? 0 : 4096, i == 0 ? 0 : 65536));
            if (batch.size() == 5000) {
                store.insert(batch);
                batch.clear();
            }
        }
        store.insert(batch);
        // the state the agent's own maintenance leaves: past hours compacted, the last hour in rows
        int chunks = store.compact(now - now % StatsStore.CHUNK_SECONDS - StatsStore.CHUNK_SECONDS);
        store.close();
        System.out.println("seeded " + count + " samples of " + id + ", " + chunks + " hours compacted");
    }
}
