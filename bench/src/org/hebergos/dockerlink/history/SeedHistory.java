package org.hebergos.dockerlink.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.stats.Sample;

/**
 * Bench-only: fills the agent's own store (the project's HistoryStore, same schema, codec and
 * maintenance) with DAYS days of 10 s samples ending now for each container id, running the agent's
 * maintenance (compaction, hourly summaries, purges at the default retentions) after every seeded hour
 * as the agent would have (or every {@code -DmaintainEveryHours} hours, to seed a year faster).
 * PROFILE {@code busy}: CPU figures with full-precision fractions, memory and
 * traffic changing every sample; {@code idle}: a container that mostly sleeps (CPU 0, memory and
 * counters mostly unchanged). Prints the database size and how many raw samples it keeps.
 * Usage: SeedHistory DATA_DIR PROFILE DAYS ID...
 */
public final class SeedHistory {

    /** The agent's maintenance steps but the file compaction (see {@link HistoryMaintenance}). */
    private static void maintain(HistoryStore store, long now) {
        store.compact(now);
        store.summarize(now);
        store.purgeRaw(now - 7 * 86_400L);
        store.purgeSummaries(now - 400 * 86_400L);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        boolean busy = args[1].equals("busy");
        int days = Integer.parseInt(args[2]);
        List<String> ids = List.of(args).subList(3, args.length);
        HistoryDatabase database = new HistoryDatabase();
        database.settings = Settings.from(Map.of("data_dir", dir.toString()), k -> null);
        HistoryStore store = new HistoryStore();
        store.database = database;
        HistoryMaintenance maintenance = new HistoryMaintenance();
        maintenance.settings = database.settings;
        maintenance.store = store;

        // the agent runs maintenance every 15 minutes; seeding a year, once a seeded day is enough
        long maintainEvery = Long.getLong("maintainEveryHours", 1);
        long now = Instant.now().getEpochSecond();
        long first = now - now % 10 - days * 86_400L + 10;
        Random random = new Random(ids.hashCode());
        int n = ids.size();
        long[] mem = new long[n];
        long[] up = new long[n];
        long[] down = new long[n];
        long[] cpu = new long[n];
        long[] clock = new long[n];
        for (int c = 0; c < n; c++) {
            mem[c] = 50_000_000L + random.nextInt(1000) * 4096L;
        }
        List<Sample> batch = new ArrayList<>();
        for (long t = first; t <= now; t += 10) {
            for (int c = 0; c < n; c++) {
                long used;
                long deltaUp;
                long deltaDown;
                if (busy) {
                    used = random.nextInt(5_000_000) * 1000L;
                    mem[c] = Math.max(1_000_000, mem[c] + (random.nextInt(201) - 100) * 4096L);
                    deltaUp = random.nextInt(200_000);
                    deltaDown = random.nextInt(5_000_000);
                } else {
                    used = random.nextInt(10) == 0 ? random.nextInt(2_000_000) : 0;
                    mem[c] += random.nextInt(50) == 0 ? (random.nextInt(3) - 1) * 4096L : 0;
                    deltaUp = random.nextInt(20) == 0 ? random.nextInt(2000) : 0;
                    deltaDown = random.nextInt(20) == 0 ? random.nextInt(2000) : 0;
                }
                long elapsed = 10_000_000_000L + random.nextInt(10_000_000) - 5_000_000;
                double percent = t == first ? 0 : used <= 0 ? 0 : (double) used / elapsed * 100;
                cpu[c] += used;
                clock[c] += elapsed;
                up[c] += deltaUp;
                down[c] += deltaDown;
                batch.add(new Sample(ids.get(c), t, (first - 100) * 1000, mem[c], 1L << 30, percent, 100,
                        cpu[c], clock[c], up[c], down[c], t == first ? 0 : deltaUp, t == first ? 0 : deltaDown));
            }
            if (batch.size() >= 5000 || t + 10 > now) {
                store.insert(batch);
                batch.clear();
            }
            if ((t + 10) % (3600 * maintainEvery) == 0) {
                maintain(store, t + 10);
            }
        }
        maintain(store, now);
        // the maintenance step that gives the file back its dead space, once at the end instead of
        // after every seeded hour (it closes the database)
        maintenance.maintain(now);
        database.dispose();
        long bytes = Files.size(dir.resolve("stats.mv.db"));
        long kept = Math.min(days, 7) * 8640L * n;
        System.out.printf("seeded %s: %d containers x %d days (%s), stats.mv.db %d bytes, %.1f bytes per raw sample kept%n",
                dir, n, days, args[1], bytes, (double) bytes / kept);
    }
}
