package org.hebergos.dockerlink.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hebergos.dockerlink.stats.Sample;

/** Run in another JVM by the tests: stores samples, then dies in the middle of a transaction, as kill -9 does. */
public final class CrashWhileWriting {

    public static void main(String[] args) throws Exception {
        HistoryStore store = Stores.open(Path.of(args[0]));
        String id = args[1];
        long hour = Long.parseLong(args[2]);
        List<Sample> samples = new ArrayList<>();
        for (long t = hour; t < hour + 3 * 3600; t += 10) {
            samples.add(Stores.sample(id, t, hour));
        }
        store.insert(samples);
        Connection c = store.database.connection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE stats_sample SET mem_used = mem_used + 1");
        }
        Runtime.getRuntime().halt(9);
    }
}
