package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCodecTest {

    private static final long DAY = 1_800_000_000L - 1_800_000_000L % 86_400;

    @Test
    void aDayKeepsItsSummariesAndItsTotalIsWhatABucketOfADayMakesOfThem() throws IOException {
        List<Bucket> halves = new ArrayList<>();
        for (int i = 0; i < 48; i += 3) {
            long start = DAY + i * SummaryCodec.SPAN;
            halves.add(new Bucket(start, 180, 180L * (1000 + i), 2000 + i, 0.1 * i + 0.3, i, 1L << 30, 100,
                    7 * i, 9 * i, i, 2 * i, start + 1790));
        }
        byte[] row = SummaryCodec.encode(DAY, halves);
        assertEquals(halves, SummaryCodec.decode(DAY, row));

        Bucket[] merged = {null};
        Buckets day = new Buckets(86_400, b -> merged[0] = b);
        for (Bucket h : halves) {
            day.add(h);
        }
        day.end();
        assertEquals(merged[0], SummaryCodec.decodeTotal(DAY, SummaryCodec.encodeTotal(DAY, halves)),
                "bit for bit what the query would merge");
    }
}
