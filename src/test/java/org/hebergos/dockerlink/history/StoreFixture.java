package org.hebergos.dockerlink.history;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hebergos.dockerlink.stats.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A store on a real embedded H2 file holding three hours of samples of two containers, and its answers. */
abstract class StoreFixture {

    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);
    static final long HOUR = 1_800_000_000L - 1_800_000_000L % 3600;

    @TempDir
    Path dataDir;
    HistoryStore cut;

    @BeforeEach
    void open() {
        cut = Stores.open(dataDir);
        List<Sample> samples = new ArrayList<>();
        for (long t = HOUR; t < HOUR + 3 * 3600; t += 10) {
            samples.add(Stores.sample(A, t, HOUR));
            samples.add(Stores.sample(B, t + 5, HOUR));
        }
        cut.insert(samples);
    }

    @AfterEach
    void close() {
        cut.database.dispose();
    }

    String raw(String id, long since) throws IOException {
        return Stores.raw(cut, id, since);
    }

    String stepped(String id, long since, long until, long step) throws IOException {
        return Stores.answer(cut, id, new HistoryQuery(since, until, step, false, step > 10));
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
