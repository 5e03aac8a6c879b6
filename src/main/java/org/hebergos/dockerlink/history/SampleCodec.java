package org.hebergos.dockerlink.history;

import java.util.List;
import org.hebergos.dockerlink.stats.StatsMath;

/**
 * The compact form of one container's hour of samples: on disk, 1.8 bytes an idle sample and 13.5 a busy
 * one (bench/RESULTS.md, 10 containers x 7 days) instead of the ~230 the previous release's rows took.
 * Each sample is a flag byte saying which figures are what the previous sample
 * predicts, then only the others: times as the change of the interval, memory as the change from the
 * previous sample (in pages when whole pages), network deltas as they are and totals as the difference from previous total +
 * delta (zero within a run), the CPU percentage, which the sampler keeps to four decimals, as the change
 * of its ten-thousandths, and other doubles as the bytes of their XOR with the previous value that are
 * not zero (Gorilla's idea, byte-aligned). Lossless: every figure decodes to exactly the bits it had.
 */
final class SampleCodec {

    private static final int SAME_INTERVAL = 1;
    private static final int SAME_MEMORY_LIMIT = 1 << 1;
    private static final int SAME_CPU = 1 << 2;
    private static final int SAME_CPU_LIMIT = 1 << 3;
    private static final int NO_DELTA_UP = 1 << 4;
    private static final int NO_DELTA_DOWN = 1 << 5;
    private static final int UP_FOLLOWS = 1 << 6;
    private static final int DOWN_FOLLOWS = 1 << 7;
    private static final long PAGE = 4096;
    /** The head byte of a changed CPU percentage written as its change in ten-thousandths (an XOR head never is 0). */
    private static final int DECIMAL = 0;

    private SampleCodec() {
    }

    /** The points, ascending by time, all inside the hour starting at {@code hour}. */
    static byte[] encode(long hour, List<Point> points) {
        Out out = new Out(points.size() * 8 + 8);
        out.varint(points.size());
        Point prev = new Point(hour, 0, 0, 0, 0, 0, 0, 0, 0);
        long prevInterval = 0;
        for (Point p : points) {
            long interval = p.time() - prev.time();
            long up = p.netUp() - (prev.netUp() + p.deltaUp());
            long down = p.netDown() - (prev.netDown() + p.deltaDown());
            long cpu = Double.doubleToRawLongBits(p.cpuPercent()) ^ Double.doubleToRawLongBits(prev.cpuPercent());
            long cpuLimit = Double.doubleToRawLongBits(p.cpuLimitPercent()) ^ Double.doubleToRawLongBits(prev.cpuLimitPercent());
            int flags = (interval == prevInterval ? SAME_INTERVAL : 0)
                    | (p.memoryLimit() == prev.memoryLimit() ? SAME_MEMORY_LIMIT : 0)
                    | (cpu == 0 ? SAME_CPU : 0)
                    | (cpuLimit == 0 ? SAME_CPU_LIMIT : 0)
                    | (p.deltaUp() == 0 ? NO_DELTA_UP : 0)
                    | (p.deltaDown() == 0 ? NO_DELTA_DOWN : 0)
                    | (up == 0 ? UP_FOLLOWS : 0)
                    | (down == 0 ? DOWN_FOLLOWS : 0);
            out.write(flags);
            if ((flags & SAME_INTERVAL) == 0) {
                out.signed(interval - prevInterval);
            }
            out.pages(p.memoryUsed() - prev.memoryUsed());
            if ((flags & SAME_MEMORY_LIMIT) == 0) {
                out.signed(p.memoryLimit() - prev.memoryLimit());
            }
            if ((flags & SAME_CPU) == 0) {
                out.percent(p.cpuPercent(), prev.cpuPercent(), cpu);
            }
            if ((flags & SAME_CPU_LIMIT) == 0) {
                out.xor(cpuLimit);
            }
            if ((flags & NO_DELTA_UP) == 0) {
                out.signed(p.deltaUp());
            }
            if ((flags & NO_DELTA_DOWN) == 0) {
                out.signed(p.deltaDown());
            }
            if ((flags & UP_FOLLOWS) == 0) {
                out.signed(up);
            }
            if ((flags & DOWN_FOLLOWS) == 0) {
                out.signed(down);
            }
            prevInterval = interval;
            prev = p;
        }
        return out.toByteArray();
    }

    /** Reads back what {@link #encode} wrote, one point at a time, oldest first. */
    static final class Reader extends Bytes.In {
        private int left;
        private long time;
        private long interval;
        private long memoryUsed;
        private long memoryLimit;
        private long cpu;
        /** {@code cpu} in ten-thousandths when it was written so: the next change adds to it without a rounding. */
        private long cpuTenThousandths;
        private boolean cpuInTenThousandths = true; // 0.0
        private long cpuLimit;
        private long netUp;
        private long netDown;

        Reader(long hour, byte[] in) {
            super(in);
            this.time = hour;
            this.left = (int) varint();
        }

        boolean hasNext() {
            return left > 0;
        }

        Point next() {
            left--;
            int flags = nextByte();
            if ((flags & SAME_INTERVAL) == 0) {
                interval += signed();
            }
            time += interval;
            memoryUsed += pages();
            if ((flags & SAME_MEMORY_LIMIT) == 0) {
                memoryLimit += signed();
            }
            if ((flags & SAME_CPU) == 0) {
                cpu = percent(cpu);
            }
            if ((flags & SAME_CPU_LIMIT) == 0) {
                cpuLimit ^= xor();
            }
            long deltaUp = (flags & NO_DELTA_UP) == 0 ? signed() : 0;
            long deltaDown = (flags & NO_DELTA_DOWN) == 0 ? signed() : 0;
            netUp += deltaUp + ((flags & UP_FOLLOWS) == 0 ? signed() : 0);
            netDown += deltaDown + ((flags & DOWN_FOLLOWS) == 0 ? signed() : 0);
            return new Point(time, memoryUsed, memoryLimit, Double.longBitsToDouble(cpu), Double.longBitsToDouble(cpuLimit),
                    netUp, netDown, deltaUp, deltaDown);
        }

        private long pages() {
            long value = varint();
            long zigzag = value >>> 1;
            long change = (zigzag >>> 1) ^ -(zigzag & 1);
            return (value & 1) == 0 ? change * PAGE : change;
        }

        /** The bits of the CPU percentage after {@code previous} (bits). */
        private long percent(long previous) {
            int head = nextByte();
            if (head == DECIMAL) {
                // ten(previous) is what the encoder added the change to: the same as the kept figure when there is one
                long base = cpuInTenThousandths ? cpuTenThousandths : ten(Double.longBitsToDouble(previous));
                cpuTenThousandths = base + signed();
                cpuInTenThousandths = true;
                return Double.doubleToRawLongBits(cpuTenThousandths / StatsMath.CPU_PERCENT_SCALE);
            }
            cpuInTenThousandths = false;
            return previous ^ xor(head);
        }

        private long xor() {
            return xor(nextByte());
        }

        private long xor(int head) {
            int bytes = head >>> 4;
            int shift = (head & 0x0F) * 8;
            long value = 0;
            for (int i = 0; i < bytes; i++) {
                value |= (long) nextByte() << (8 * i);
            }
            return value << shift;
        }
    }

    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0d);

    /** A percentage in ten-thousandths, rounded (exact for the sampler's figures). */
    private static long ten(double percent) {
        return Math.round(percent * StatsMath.CPU_PERCENT_SCALE);
    }

    private static final class Out extends Bytes.Out {

        Out(int size) {
            super(size);
        }

        /** Memory changes by whole pages, mostly: counted in pages when it does (low bit 0). */
        void pages(long change) {
            boolean whole = change % PAGE == 0;
            long value = whole ? change / PAGE : change;
            varint(((value << 1) ^ (value >> 63)) << 1 | (whole ? 0 : 1));
        }

        /**
         * A changed CPU percentage: the change of its ten-thousandths when it is a whole number of them
         * (the sampler's figures), else the XOR of its bits ({@code xorBits}) with the previous value's.
         */
        void percent(double value, double previous, long xorBits) {
            long tenThousandths = ten(value);
            if (tenThousandths / StatsMath.CPU_PERCENT_SCALE == value && Double.doubleToRawLongBits(value) != NEGATIVE_ZERO) {
                write(DECIMAL);
                signed(tenThousandths - ten(previous));
            } else {
                xor(xorBits);
            }
        }

        /** A non-zero XOR: a head byte (significant bytes, trailing zero bytes), then those bytes. */
        void xor(long value) {
            int trailing = Long.numberOfTrailingZeros(value) / 8;
            int bytes = 8 - Long.numberOfLeadingZeros(value) / 8 - trailing;
            write(bytes << 4 | trailing);
            long rest = value >>> (8 * trailing);
            for (int i = 0; i < bytes; i++) {
                write((int) (rest >>> (8 * i)) & 0xFF);
            }
        }
    }
}
