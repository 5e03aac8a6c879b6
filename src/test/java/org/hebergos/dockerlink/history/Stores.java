package org.hebergos.dockerlink.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.stats.Sample;

/** Builds the store as the server would, on an embedded H2 file, and reads answers as the endpoint writes them. */
final class Stores {

    private Stores() {
    }

    static HistoryStore open(Path dataDir, String... settings) {
        Map<String, String> values = new HashMap<>();
        values.put("data_dir", dataDir.toString());
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        HistoryDatabase database = new HistoryDatabase();
        database.settings = Settings.from(values, k -> null);
        return HistoryStore.on(database);
    }

    /** The body {@code v1/container/stats} would send, or null when nothing is stored for the container. */
    static String answer(HistoryStore store, String id, HistoryQuery query) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HistoryJson json = new HistoryJson(text, query.peaks());
        if (!store.read(id, snapshot -> HistoryService.answer(snapshot, query, json))) {
            return null;
        }
        json.end();
        return text.toString(StandardCharsets.US_ASCII);
    }

    static String raw(HistoryStore store, String id, long since) throws IOException {
        return answer(store, id, new HistoryQuery(since, HistoryQuery.NO_END, 0, false, false));
    }

    static Sample sample(String id, long t, long hour) {
        long i = t - hour;
        return new Sample(id, t, hour * 1000, 1_000_000 + i, 268_435_456L, i % 7 * 1.5, 50, i, i, i * 3, i * 1000 + 7, 30, 10_007);
    }
}
