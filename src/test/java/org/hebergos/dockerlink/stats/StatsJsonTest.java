package org.hebergos.dockerlink.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StatsJsonTest {

    @Test
    void kibibytesAreExactAndShort() {
        assertEquals("0", StatsJson.kib(0));
        assertEquals("1", StatsJson.kib(1024));
        assertEquals("1.265625", StatsJson.kib(1296));
        assertEquals("0.0009765625", StatsJson.kib(1));
        assertEquals("22211.94921875", StatsJson.kib(22745036));
        for (long bytes : new long[] {1, 7, 1023, 1025, 123_456_789, 987_654_321_987L}) {
            assertEquals(bytes / 1024d, Double.parseDouble(StatsJson.kib(bytes)), 0, "same value as the division: " + bytes);
        }
    }

    @Test
    void aCompactedHourIsCutAtSince() throws IOException {
        String hour = StatsJson.member(new Point(100, 0, 0, 0, 0, 0, 0, 0, 0)) + "\n"
                + StatsJson.member(new Point(110, 0, 0, 0, 0, 0, 0, 0, 0)) + "\n"
                + StatsJson.member(new Point(120, 0, 0, 0, 0, 0, 0, 0, 0));
        for (long since : new long[] {0, 100, 101, 110, 120, 121}) {
            StringWriter text = new StringWriter();
            StatsJson json = new StatsJson(text, since);
            json.chunk(hour);
            json.end();
            String keys = String.join(",", jakarta.json.Json.createReader(new java.io.StringReader(text.toString())).readObject().keySet());
            String expected = since <= 100 ? "100,110,120" : since <= 110 ? "110,120" : since <= 120 ? "120" : "";
            assertEquals(expected, keys, "since " + since);
        }
    }

    @Test
    void neverWritesNaNOrInfinity() {
        assertEquals("0.0", StatsJson.number(Double.NaN));
        assertEquals("0.0", StatsJson.number(Double.POSITIVE_INFINITY));
        assertEquals("12.5", StatsJson.number(12.5));
    }

    @Test
    void writesTheApiShape() throws IOException {
        StringWriter text = new StringWriter();
        StatsJson json = new StatsJson(text, 0);
        json.point(new Point(100, 268_435_456L, 1_073_741_824L, 50, 200, 2048, 1536, 1024, 512));
        json.point(new Point(110, 0, 1_073_741_824L, 0, 200, 0, 0, 0, 0));
        json.end();
        assertEquals("{\"100\":{\"memory\":{\"used\":0.25,\"limit\":1.0},\"cpu\":{\"usage_percent\":50.0,\"limit\":200.0},"
                + "\"net\":{\"up\":2,\"down\":1.5,\"delta_up\":1,\"delta_down\":0.5}},"
                + "\"110\":{\"memory\":{\"used\":0.0,\"limit\":1.0},\"cpu\":{\"usage_percent\":0.0,\"limit\":200.0},"
                + "\"net\":{\"up\":0,\"down\":0,\"delta_up\":0,\"delta_down\":0}}}", text.toString());
    }
}
