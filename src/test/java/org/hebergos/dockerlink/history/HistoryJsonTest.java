package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {

    @Test
    void kibibytesAreExactAndShort() {
        assertEquals("0", HistoryJson.kib(0));
        assertEquals("1", HistoryJson.kib(1024));
        assertEquals("1.265625", HistoryJson.kib(1296));
        assertEquals("0.0009765625", HistoryJson.kib(1));
        assertEquals("22211.94921875", HistoryJson.kib(22745036));
        for (long bytes : new long[] {1, 7, 1023, 1025, 123_456_789, 987_654_321_987L}) {
            assertEquals(bytes / 1024d, Double.parseDouble(HistoryJson.kib(bytes)), 0, "same value as the division: " + bytes);
        }
    }

    @Test
    void neverWritesNaNOrInfinity() {
        assertEquals("0.0", HistoryJson.number(Double.NaN));
        assertEquals("0.0", HistoryJson.number(Double.POSITIVE_INFINITY));
        assertEquals("12.5", HistoryJson.number(12.5));
    }

    @Test
    void writesTheApiShape() throws IOException {
        StringWriter text = new StringWriter();
        HistoryJson json = new HistoryJson(text, false);
        json.point(new Point(100, 268_435_456L, 1_073_741_824L, 50, 200, 2048, 1536, 1024, 512));
        json.point(new Point(110, 0, 1_073_741_824L, Double.NaN, 200, 0, 0, 0, 0));
        json.end();
        assertEquals("{\"100\":{\"memory\":{\"used\":0.25,\"limit\":1.0},\"cpu\":{\"usage_percent\":50.0,\"limit\":200.0},"
                + "\"net\":{\"up\":2,\"down\":1.5,\"delta_up\":1,\"delta_down\":0.5}},"
                + "\"110\":{\"memory\":{\"used\":0.0,\"limit\":1.0},\"cpu\":{\"usage_percent\":0.0,\"limit\":200.0},"
                + "\"net\":{\"up\":0,\"down\":0,\"delta_up\":0,\"delta_down\":0}}}", text.toString());
    }

    @Test
    void anEmptyHistoryIsAnEmptyObject() throws IOException {
        StringWriter text = new StringWriter();
        new HistoryJson(text, true).end();
        assertEquals("{}", text.toString());
    }

    @Test
    void bucketsAreMeansWithPeaksOnlyWhenAsked() throws IOException {
        Bucket b = new Bucket(3600, 4, 4L << 28, 1L << 29, 100, 60, 1L << 30, 50, 3072, 1024, 2048, 512, 3630);
        StringWriter peaks = new StringWriter();
        HistoryJson json = new HistoryJson(peaks, true);
        json.bucket(b);
        json.end();
        assertEquals("{\"3600\":{\"memory\":{\"used\":0.25,\"used_max\":0.5,\"limit\":1.0},"
                + "\"cpu\":{\"usage_percent\":25.0,\"usage_percent_max\":60.0,\"limit\":50.0},"
                + "\"net\":{\"up\":3,\"down\":1,\"delta_up\":2,\"delta_down\":0.5}}}", peaks.toString());
        StringWriter plain = new StringWriter();
        json = new HistoryJson(plain, false);
        json.bucket(b);
        json.end();
        assertEquals("{\"3600\":{\"memory\":{\"used\":0.25,\"limit\":1.0},\"cpu\":{\"usage_percent\":25.0,\"limit\":50.0},"
                + "\"net\":{\"up\":3,\"down\":1,\"delta_up\":2,\"delta_down\":0.5}}}", plain.toString());
    }
}
