package org.hebergos.dockerlink.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The half-hour summaries of one container's day in one value: a year of history is 400 rows to read
 * per container instead of 17,520, and the day's total. Per half hour: its offset in the day, then its
 * figures as varints (doubles as their 8 bytes).
 */
final class SummaryCodec {

    static final long DAY = 86_400;
    /**
     * The span one summary stands for: half an hour, so that the panel's week chart (step 1800) reads
     * 336 summaries instead of 60,480 samples; hours and days are whole numbers of them.
     */
    static final long SPAN = 1800;

    private SummaryCodec() {
    }

    static byte[] encode(long day, List<Bucket> summaries) {
        Bytes.Out out = new Bytes.Out(256);
        out.varint(summaries.size());
        for (Bucket h : summaries) {
            write(out, day, h);
        }
        return out.toByteArray();
    }

    static List<Bucket> decode(long day, byte[] in) {
        return decode(day, in, SPAN);
    }

    /**
     * A day as the release before half hours wrote it: the same figures, one per hour, offsets counted in
     * hours ({@link HistorySchema} rewrites such days once).
     */
    static List<Bucket> decodeHourly(long day, byte[] in) {
        return decode(day, in, HistoryKeys.HOUR);
    }

    private static List<Bucket> decode(long day, byte[] in, long unit) {
        Bytes.In r = new Bytes.In(in);
        int count = (int) r.varint();
        List<Bucket> summaries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            summaries.add(read(r, day, unit));
        }
        return summaries;
    }

    /**
     * The day's total: its summaries merged as a bucket of a day merges them, kept apart so that a daily
     * {@code step} reads one small figure per day instead of 48.
     */
    static byte[] encodeTotal(long day, List<Bucket> summaries) {
        Bytes.Out out = new Bytes.Out(64);
        write(out, day, total(summaries));
        return out.toByteArray();
    }

    static Bucket decodeTotal(long day, byte[] in) {
        return read(new Bytes.In(in), day, SPAN);
    }

    private static Bucket total(List<Bucket> summaries) {
        Bucket[] total = {null};
        Buckets day = new Buckets(DAY, b -> total[0] = b);
        try {
            for (Bucket h : summaries) {
                day.add(h);
            }
            day.end();
        } catch (IOException e) {
            throw new UncheckedIOException("the sink only keeps the bucket", e);
        }
        return total[0];
    }

    private static void write(Bytes.Out out, long day, Bucket h) {
        out.varint((h.start() - day) / SPAN);
        out.varint(h.samples());
        out.varint(h.memoryUsedSum());
        out.varint(h.memoryUsedMax());
        out.raw(Double.doubleToRawLongBits(h.cpuPercentSum()));
        out.raw(Double.doubleToRawLongBits(h.cpuPercentMax()));
        out.varint(h.memoryLimit());
        out.raw(Double.doubleToRawLongBits(h.cpuLimitPercent()));
        out.varint(h.netUp());
        out.varint(h.netDown());
        out.varint(h.deltaUp());
        out.varint(h.deltaDown());
        out.varint(h.lastTime() - h.start());
    }

    private static Bucket read(Bytes.In r, long day, long unit) {
        long start = day + r.varint() * unit;
        return new Bucket(start, (int) r.varint(), r.varint(), r.varint(),
                Double.longBitsToDouble(r.raw()), Double.longBitsToDouble(r.raw()), r.varint(),
                Double.longBitsToDouble(r.raw()), r.varint(), r.varint(), r.varint(), r.varint(), start + r.varint());
    }
}
