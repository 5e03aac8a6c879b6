package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleCodecTest {

    private static List<Point> roundTrip(long hour, List<Point> points) {
        byte[] bytes = SampleCodec.encode(hour, points);
        List<Point> back = new ArrayList<>();
        SampleCodec.Reader reader = new SampleCodec.Reader(hour, bytes);
        while (reader.hasNext()) {
            back.add(reader.next());
        }
        return back;
    }

    @Test
    void everyFigureComesBackBitForBit() {
        Random r = new Random(7);
        List<Point> points = new ArrayList<>();
        long up = 0;
        long down = 0;
        for (int i = 0; i < 360; i++) {
            long deltaUp = r.nextInt(3) == 0 ? 0 : r.nextInt(1_000_000);
            long deltaDown = r.nextInt(10_000_000);
            up = i == 200 ? 5 : up + deltaUp;
            down = i == 200 ? 0 : down + deltaDown;
            double cpu = switch (i % 5) {
                case 0 -> 0;
                case 1 -> Double.NaN;
                case 2 -> r.nextDouble() * 400;
                case 3 -> -0.0;
                default -> Double.MIN_VALUE;
            };
            points.add(new Point(3600 + i * 10L + (i % 17 == 0 ? 3 : 0), r.nextLong() >>> 20, i < 100 ? 1L << 30 : Long.MAX_VALUE,
                    cpu, i < 300 ? 50 : 133.33333333333334, up, down, deltaUp, deltaDown));
        }
        List<Point> back = roundTrip(3600, points);
        assertEquals(points.size(), back.size());
        for (int i = 0; i < points.size(); i++) {
            Point a = points.get(i);
            Point b = back.get(i);
            assertEquals(a.time(), b.time());
            assertEquals(a.memoryUsed(), b.memoryUsed());
            assertEquals(a.memoryLimit(), b.memoryLimit());
            assertEquals(Double.doubleToRawLongBits(a.cpuPercent()), Double.doubleToRawLongBits(b.cpuPercent()), "cpu of " + i);
            assertEquals(Double.doubleToRawLongBits(a.cpuLimitPercent()), Double.doubleToRawLongBits(b.cpuLimitPercent()));
            assertEquals(a, b);
        }
    }

    @Test
    void anIdleSampleTakesAFewBytes() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 360; i++) {
            points.add(new Point(i * 10L, 2_000_000 + (i % 3) * 4096, 1L << 30, 0, 100, 656, 1296, 0, 0));
        }
        int bytes = SampleCodec.encode(0, points).length;
        assertTrue(bytes <= 3 * 360 + 40, bytes + " bytes for 360 idle samples");
        assertEquals(points, roundTrip(0, points));
    }

    @Test
    void noSamplesIsAnEmptyHour() {
        assertEquals(List.of(), roundTrip(0, List.of()));
    }
}
