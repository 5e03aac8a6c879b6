package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {

    @Test
    void writesTheApiShape() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HistoryJson json = new HistoryJson(text, false);
        json.point(new Point(100, 268_435_456L, 1_073_741_824L, 50, 200, 2048, 1536, 1024, 512));
        json.point(new Point(110, 0, 1_073_741_824L, Double.NaN, 200, 0, 0, 0, 0));
        json.end();
        assertEquals("{\"100\":{\"memory\":{\"used\":0.25,\"limit\":1.0},\"cpu\":{\"usage_percent\":50.0,\"limit\":200.0},"
                + "\"net\":{\"up\":2,\"down\":1.5,\"delta_up\":1,\"delta_down\":0.5}},"
                + "\"110\":{\"memory\":{\"used\":0.0,\"limit\":1.0},\"cpu\":{\"usage_percent\":0.0,\"limit\":200.0},"
                + "\"net\":{\"up\":0,\"down\":0,\"delta_up\":0,\"delta_down\":0}}}", text.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void rawFiguresKeepTheirExactForm() throws IOException {
        Point p = new Point(100, 50_384_896L, 1L << 33, 12.3456, 200, 1, 1, 1, 1);
        String member = HistoryJson.member(p);
        assertEquals("\"100\":{\"memory\":{\"used\":" + 50_384_896L / (double) (1L << 30) + ",\"limit\":8.0},"
                + "\"cpu\":{\"usage_percent\":12.3456,\"limit\":200.0},"
                + "\"net\":{\"up\":0.0009765625,\"down\":0.0009765625,\"delta_up\":0.0009765625,\"delta_down\":0.0009765625}}", member);
    }

    @Test
    void answersLongerThanTheBufferAreWhole() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HistoryJson json = new HistoryJson(text, true);
        StringBuilder expected = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            Point p = new Point(i * 10L, 1_000_000L + i * 4096L, 1L << 30, i % 7 * 1.5, 100, i * 1000L, i * 2000L, 1000, 2000);
            json.point(p);
            expected.append(i == 0 ? "" : ",").append(HistoryJson.member(p));
        }
        json.end();
        assertEquals(expected.append('}').toString(), text.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void anEmptyHistoryIsAnEmptyObject() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new HistoryJson(text, true).end();
        assertEquals("{}", text.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void bucketsAreMeansWithPeaksOnlyWhenAsked() throws IOException {
        Bucket b = new Bucket(3600, 4, 4L << 28, 1L << 29, 100, 60, 1L << 30, 50, 3072, 1024, 2048, 512, 3630);
        assertEquals("{\"3600\":{\"memory\":{\"used\":0.25,\"used_max\":0.5,\"limit\":1.0},"
                + "\"cpu\":{\"usage_percent\":25.0,\"usage_percent_max\":60.0,\"limit\":50.0},"
                + "\"net\":{\"up\":3,\"down\":1,\"delta_up\":2,\"delta_down\":0.5}}}", answer(b, true));
        assertEquals("{\"3600\":{\"memory\":{\"used\":0.25,\"limit\":1.0},\"cpu\":{\"usage_percent\":25.0,\"limit\":50.0},"
                + "\"net\":{\"up\":3,\"down\":1,\"delta_up\":2,\"delta_down\":0.5}}}", answer(b, false));
    }

    @Test
    void bucketMeansHaveTwelveSignificantDigits() throws IOException {
        // 3 samples: 50,384,896 + 2 × 50,388,992 bytes (mean 0.04692713419596… GiB, peak 0.04692840576171875); CPU 1 %, 2 %, 2 %
        Bucket b = new Bucket(0, 3, 50_384_896L + 2 * 50_388_992L, 50_388_992L, 5, 2, 1L << 30, 100, 0, 0, 0, 0, 20);
        assertEquals("{\"0\":{\"memory\":{\"used\":0.046927134196,\"used_max\":0.0469284057617,\"limit\":1.0},"
                + "\"cpu\":{\"usage_percent\":1.66666666667,\"usage_percent_max\":2.0,\"limit\":100.0},"
                + "\"net\":{\"up\":0,\"down\":0,\"delta_up\":0,\"delta_down\":0}}}", answer(b, true));
    }

    private static String answer(Bucket bucket, boolean peaks) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        HistoryJson json = new HistoryJson(text, peaks);
        json.bucket(bucket);
        json.end();
        return text.toString(StandardCharsets.US_ASCII);
    }
}
