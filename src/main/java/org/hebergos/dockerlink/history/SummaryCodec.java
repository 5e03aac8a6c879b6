package org.hebergos.dockerlink.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The half-hour summaries of one container's day in one value: a year of history is 400 rows to read
 * per container instead of 17,520. Per half hour: its offset in the day, then its figures as varints
 * (doubles as their 8 bytes).
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
        return out.toByteArray();
    }

    static List<Bucket> decode(long day, byte[] in) {
        Bytes.In r = new Bytes.In(in);
        int count = (int) r.varint();
        List<Bucket> summaries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = day + r.varint() * SPAN;
            summaries.add(new Bucket(start, (int) r.varint(), r.varint(), r.varint(),
                    Double.longBitsToDouble(r.raw()), Double.longBitsToDouble(r.raw()), r.varint(),
                    Double.longBitsToDouble(r.raw()), r.varint(), r.varint(), r.varint(), r.varint(), start + r.varint()));
        }
        return summaries;
    }
}
