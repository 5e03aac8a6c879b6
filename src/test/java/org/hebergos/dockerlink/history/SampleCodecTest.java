package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hebergos.dockerlink.stats.StatsMath;
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
            double cpu = switch (i % 9) {
                case 0 -> 0;
                case 1 -> Double.NaN;
                case 2 -> r.nextDouble() * 400;
                case 3 -> -0.0;
                case 4, 5 -> r.nextInt(4_000_000) / 10_000d;
                case 6 -> 1e300;
                case 7 -> Double.NEGATIVE_INFINITY;
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
    void theSamplersCpuFiguresTakeAFewBytesNotEight() {
        Random r = new Random(11);
        List<Point> points = new ArrayList<>();
        long cpu = 0;
        long clock = 0;
        for (int i = 0; i < 360; i++) {
            long used = r.nextInt(10_000_000) * 1000L;
            long elapsed = 10_000_000_000L + r.nextInt(10_000_000);
            double percent = StatsMath.cpuPercent(cpu, clock, cpu + used, clock + elapsed);
            cpu += used;
            clock += elapsed;
            points.add(new Point(i * 10L, 2_000_000, 1L << 30, percent, 100, 656, 1296, 0, 0));
        }
        int bytes = SampleCodec.encode(0, points).length;
        // a flag, the unchanged memory, the head and at most 4 bytes of change: 6 instead of the XOR's 9
        assertTrue(bytes <= 6 * 360 + 40, bytes + " bytes for 360 busy samples");
        assertEquals(points, roundTrip(0, points));
    }

    @Test
    void noSamplesIsAnEmptyHour() {
        assertEquals(List.of(), roundTrip(0, List.of()));
    }
}
