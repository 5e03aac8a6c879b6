package org.hebergos.dockerlink.history;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The hourly summaries of one container's day in one value: a year of hourly history is 400 rows to
 * read per container instead of 9,600. Per hour: its offset in the day, then its figures as varints
 * (doubles as their 8 bytes).
 */
final class HourCodec {

    static final long DAY = 86_400;

    private HourCodec() {
    }

    static byte[] encode(long day, List<Bucket> hours) {
        Out out = new Out();
        out.varint(hours.size());
        for (Bucket h : hours) {
            out.varint((h.start() - day) / HistoryStore.HOUR);
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
        In r = new In(in);
        int count = (int) r.varint();
        List<Bucket> hours = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = day + r.varint() * HistoryStore.HOUR;
            hours.add(new Bucket(start, (int) r.varint(), r.varint(), r.varint(),
                    Double.longBitsToDouble(r.raw()), Double.longBitsToDouble(r.raw()), r.varint(),
                    Double.longBitsToDouble(r.raw()), r.varint(), r.varint(), r.varint(), r.varint(), start + r.varint()));
        }
        return hours;
    }

    /** Figures are never negative: plain (not zigzag) varints. */
    private static final class Out extends ByteArrayOutputStream {

        void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write((int) value);
        }

        void raw(long value) {
            for (int i = 0; i < 8; i++) {
                write((int) (value >>> (8 * i)) & 0xFF);
            }
        }
    }

    private static final class In {

        private final byte[] in;
        private int at;

        In(byte[] in) {
            this.in = in;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = in[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        long raw() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) (in[at++] & 0xFF) << (8 * i);
            }
            return value;
        }
    }
}
