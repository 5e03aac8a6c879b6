package org.hebergos.dockerlink.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hebergos.dockerlink.history.HistoryStore;
import org.hebergos.dockerlink.history.OfflineHistory;
import org.hebergos.dockerlink.history.Point;
import org.hebergos.dockerlink.stats.Sample;
import org.hebergos.dockerlink.stats.StatsMath;

/**
 * Bench-only: fills the agent's own store (the project's HistoryStore through its public seam
 * {@link OfflineHistory}: same schema, codec and maintenance) with DAYS days of 10 s samples ending now for each container id, running the agent's
 * maintenance (compaction, summaries, purges at the default retentions, the full file compaction
 * when the file has grown) after every seeded hour, as the agent would have.
 * The last 8 days go through the agent's path (rows inserted by rounds, then compacted); older hours,
 * which only their summaries outlive, are written straight as compact hours, which the
 * maintenance then summarizes and purges once a seeded day (a year seeds in a minute instead of an hour).
 * PROFILE {@code busy}: CPU figures as the sampler computes them (four decimals), memory and
 * traffic changing every sample; {@code idle}: a container that mostly sleeps (CPU 0, memory and
 * counters mostly unchanged). Prints the database size and how many raw samples it keeps, as left by
 * the last maintenance and after a full compaction (the smallest the file gets).
 * Usage: SeedHistory DATA_DIR PROFILE DAYS ID...
 */
public final class SeedHistory {

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    /** The samples of one container, one after another. */
    private static final class Generator {
        private final String id;
        private final boolean busy;
        private final Random random;
        private final long first;
        private long mem;
        private long up;
        private long down;
        private long cpu;
        private long clock;

        Generator(String id, boolean busy, long first) {
            this.id = id;
            this.busy = busy;
            this.first = first;
            this.random = new Random(id.hashCode());
            this.mem = 50_000_000L + random.nextInt(1000) * 4096L;
        }

        Sample next(long t) {
            long used;
            long deltaUp;
            long deltaDown;
            if (busy) {
                used = random.nextInt(5_000_000) * 1000L;
                mem = Math.max(1_000_000, mem + (random.nextInt(201) - 100) * 4096L);
                deltaUp = random.nextInt(200_000);
                deltaDown = random.nextInt(5_000_000);
            } else {
                used = random.nextInt(10) == 0 ? random.nextInt(2_000_000) : 0;
                mem += random.nextInt(50) == 0 ? (random.nextInt(3) - 1) * 4096L : 0;
                deltaUp = random.nextInt(20) == 0 ? random.nextInt(2000) : 0;
                deltaDown = random.nextInt(20) == 0 ? random.nextInt(2000) : 0;
            }
            long elapsed = 10_000_000_000L + random.nextInt(10_000_000) - 5_000_000;
            double percent = t == first ? 0 : StatsMath.cpuPercent(cpu, clock, cpu + used, clock + elapsed);
            cpu += used;
            clock += elapsed;
            up += deltaUp;
            down += deltaDown;
            return new Sample(id, t, (first - 100) * 1000, mem, 1L << 30, percent, 100,
                    cpu, clock, up, down, t == first ? 0 : deltaUp, t == first ? 0 : deltaDown);
        }
    }

    /**
     * The agent's maintenance steps at {@code now}: of the file compaction, the full rewrite when the file
     * has grown enough, not the close of the other runs (up to 10 s of H2 compacting each time).
     */
    private static void maintain(OfflineHistory history, long now) {
        HistoryStore store = history.store();
        store.compactHours(now);
        store.summarize(now);
        store.purgeRaw(now - 7 * DAY);
        store.purgeSummaries(now - 400 * DAY);
        history.rewriteFileIfGrown();
        // a rewrite closed the database, and with it the setting
        history.reuseSpaceAtOnce();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        boolean busy = args[1].equals("busy");
        int days = Integer.parseInt(args[2]);
        List<String> ids = List.of(args).subList(3, args.length);
        OfflineHistory history = OfflineHistory.open(dir);
        HistoryStore store = history.store();

        long now = Instant.now().getEpochSecond();
        long first = now - now % 10 - days * DAY + 10;
        long rowsFrom = Math.max(first, now - now % HOUR - 8 * DAY);
        List<Generator> generators = ids.stream().map(id -> new Generator(id, busy, first)).toList();
        long t = first;
        history.reuseSpaceAtOnce();
        if (rowsFrom > first) {
            store.insert(generators.stream().map(g -> g.next(first)).toList());
            for (t = first + 10; t < rowsFrom; ) {
                long hourEnd = Math.min(rowsFrom, t - Math.floorMod(t, HOUR) + HOUR);
                for (Generator g : generators) {
                    List<Point> points = new ArrayList<>();
                    for (long s = t; s < hourEnd; s += 10) {
                        points.add(Point.of(g.next(s)));
                    }
                    history.writeHour(g.id, hourEnd - HOUR, points);
                }
                t = hourEnd;
                if (t % DAY == 0) {
                    maintain(history, t);
                }
            }
            maintain(history, t);
        }
        List<Sample> batch = new ArrayList<>();
        for (; t <= now; t += 10) {
            for (Generator g : generators) {
                batch.add(g.next(t));
            }
            // a round at a time near the end, as the sampler stores them, so the last hour is rows
            if (batch.size() >= 5000 || t > now - HOUR) {
                store.insert(batch);
                batch.clear();
            }
            if ((t + 10) % HOUR == 0) {
                maintain(history, t + 10);
            }
        }
        store.insert(batch);
        maintain(history, now);
        history.close();
        long kept = Math.min(days, 7) * 8640L * ids.size();
        long bytes = Files.size(dir.resolve("stats.mv.db"));
        history.rewriteFile();
        history.close();
        long compacted = Files.size(dir.resolve("stats.mv.db"));
        System.out.printf("seeded %s: %d containers x %d days (%s), stats.mv.db %d bytes = %.1f bytes per raw sample kept;"
                        + " after a full compaction %d bytes = %.1f%n",
                dir, ids.size(), days, args[1], bytes, (double) bytes / kept, compacted, (double) compacted / kept);
    }
}
