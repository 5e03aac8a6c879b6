package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of downsampled answers. */
class BucketsTest {

    private static Point point(long t, long mem, double cpu, long up, long down, long deltaUp, long deltaDown) {
        return new Point(t, mem, 1000, cpu, 50, up, down, deltaUp, deltaDown);
    }

    private static List<Bucket> fold(long step, List<Point> points) throws IOException {
        List<Bucket> out = new ArrayList<>();
        Buckets buckets = new Buckets(step, out::add);
        for (Point p : points) {
            buckets.add(p);
        }
        buckets.end();
        return out;
    }

    @Test
    void meansPeaksSumsOfDeltasAndLastValues() throws IOException {
        List<Bucket> out = fold(60, List.of(
                point(120, 100, 10, 1000, 5000, 10, 50),
                point(130, 300, 30, 1020, 5100, 20, 100),
                point(170, 200, 5, 1050, 5160, 30, 60),
                point(180, 700, 1, 1060, 5170, 10, 10)));
        assertEquals(2, out.size());
        Bucket first = out.get(0);
        assertEquals(120, first.start());
        assertEquals(3, first.samples());
        assertEquals(200.0, first.memoryUsedMean());
        assertEquals(300, first.memoryUsedMax());
        assertEquals(15.0, first.cpuPercentMean());
        assertEquals(30.0, first.cpuPercentMax());
        assertEquals(1050, first.netUp(), "totals of the last sample");
        assertEquals(5160, first.netDown());
        assertEquals(60, first.deltaUp(), "deltas summed");
        assertEquals(210, first.deltaDown());
        assertEquals(170, first.lastTime());
        assertEquals(180, out.get(1).start());
        assertEquals(1, out.get(1).samples());
        assertEquals(700.0, out.get(1).memoryUsedMean());
    }

    @Test
    void aBucketWithoutSamplesIsAbsent() throws IOException {
        List<Bucket> out = fold(10, List.of(point(100, 1, 1, 0, 0, 0, 0), point(130, 1, 1, 0, 0, 0, 0)));
        assertEquals(List.of(100L, 130L), out.stream().map(Bucket::start).toList(), "no zeros invented for 110 and 120");
    }

    @Test
    void aRestartInsideABucketKeepsDeltasPositiveAndTotalsOfTheLastRun() throws IOException {
        // the container restarted between 20 and 30: counters began again at 0, the sampler's delta is the new total
        List<Bucket> out = fold(60, List.of(
                point(0, 1, 0, 9000, 90000, 100, 1000),
                point(10, 1, 0, 9100, 91000, 100, 1000),
                point(20, 1, 0, 9200, 92000, 100, 1000),
                point(30, 1, 0, 40, 400, 40, 400),
                point(40, 1, 0, 90, 900, 50, 500)));
        Bucket b = out.get(0);
        assertEquals(390, b.deltaUp());
        assertEquals(3900, b.deltaDown());
        assertTrue(b.deltaUp() >= 0 && b.deltaDown() >= 0);
        assertEquals(90, b.netUp(), "the total of the last run");
        assertEquals(900, b.netDown());
    }

    @Test
    void deltasAddUpToTheSameTrafficWhateverTheStep() throws IOException {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            points.add(point(i * 10L, i, i % 13, i * 7L, i * 11L, 7, 11));
        }
        for (long step : new long[] {10, 60, 300, 3600, 86_400}) {
            List<Bucket> out = fold(step, points);
            assertEquals(7000, out.stream().mapToLong(Bucket::deltaUp).sum(), "step " + step);
            assertEquals(11000, out.stream().mapToLong(Bucket::deltaDown).sum(), "step " + step);
            assertEquals(1000, out.stream().mapToInt(Bucket::samples).sum(), "step " + step);
        }
    }

    @Test
    void hourlySummariesMergeAsTheirSamplesWould() throws IOException {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 3 * 360; i++) {
            points.add(point(i * 10L, 1000 + i * 37L % 1000, i * 0.37 % 50, i * 7L, i * 11L, 7, 11));
        }
        List<Bucket> hours = fold(3600, points);
        List<Bucket> merged = new ArrayList<>();
        Buckets day = new Buckets(86_400, merged::add);
        for (Bucket h : hours) {
            day.add(h);
        }
        day.end();
        Bucket direct = fold(86_400, points).get(0);
        assertEquals(1, merged.size());
        Bucket m = merged.get(0);
        assertEquals(direct.samples(), m.samples());
        assertEquals(direct.memoryUsedSum(), m.memoryUsedSum());
        assertEquals(direct.memoryUsedMax(), m.memoryUsedMax());
        assertEquals(direct.cpuPercentMean(), m.cpuPercentMean(), 1e-9);
        assertEquals(direct.cpuPercentMax(), m.cpuPercentMax());
        assertEquals(direct.netUp(), m.netUp());
        assertEquals(direct.deltaDown(), m.deltaDown());
        assertEquals(direct.lastTime(), m.lastTime());
    }
}
