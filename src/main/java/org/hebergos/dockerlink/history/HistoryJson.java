package org.hebergos.dockerlink.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hebergos.dockerlink.stats.StatsMath;

/**
 * Writes a history in the shape of the {@code v1/container/stats} answer of the HebergOS API
 * specification (kept with the panel, not in this repository):
 * {@code {"time":{"memory":{…},"cpu":{…},"net":{…}},…}}. A 24 h history is 8,640 samples of nine
 * numbers, so this writes ASCII bytes directly (the keys are constants), prints byte counts in KiB
 * exactly with integer arithmetic, reuses the text of a figure that did not change since the previous
 * sample (limits, idle memory), and writes a bucket's means and peaks to {@link JsonNumbers#SIGNIFICANT}
 * significant digits. Raw samples keep the exact {@link Double#toString} form they have always had.
 * This is the one wire format not written by JSON-B from a record, on purpose: measured in the agent's
 * own process (bench/RESULTS.md, 2026-11-27), writing bytes took a {@code day} answer from 573 to 381 µs
 * and a year by day from 660 to 255 µs. The {@code stats} events of {@code v1/events} reuse its members.
 */
public final class HistoryJson {

    private static final byte[] MEMORY_USED = ascii("{\"memory\":{\"used\":");
    private static final byte[] USED_MAX = ascii(",\"used_max\":");
    private static final byte[] LIMIT = ascii(",\"limit\":");
    private static final byte[] CPU_USAGE = ascii("},\"cpu\":{\"usage_percent\":");
    private static final byte[] USAGE_MAX = ascii(",\"usage_percent_max\":");
    private static final byte[] NET_UP = ascii("},\"net\":{\"up\":");
    private static final byte[] DOWN = ascii(",\"down\":");
    private static final byte[] DELTA_UP = ascii(",\"delta_up\":");
    private static final byte[] DELTA_DOWN = ascii(",\"delta_down\":");
    private static final byte[] END_OF_POINT = ascii("}}");
    /** Room for one point: its keys and at most eleven numbers. */
    private static final int POINT_LENGTH = 256 + 11 * JsonNumbers.MAX_LENGTH;

    private final OutputStream out;
    private final boolean peaks;
    private final byte[] buffer;
    private int size;
    private boolean empty = true;
    private final Figure memoryUsed = new Figure();
    private final Figure memoryLimit = new Figure();
    private final Figure cpu = new Figure();
    private final Figure cpuLimit = new Figure();

    /** @param peaks whether buckets carry {@code used_max} and {@code usage_percent_max} */
    HistoryJson(OutputStream out, boolean peaks) {
        this(out, peaks, 32 * 1024);
    }

    private HistoryJson(OutputStream out, boolean peaks, int bufferSize) {
        this.out = out;
        this.peaks = peaks;
        this.buffer = new byte[bufferSize];
    }

    /** One raw sample as a member of an answer, {@code "time":{…}}: what the live event stream sends. */
    public static String member(Point p) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(256);
        HistoryJson json = new HistoryJson(text, false, POINT_LENGTH);
        try {
            json.point(p);
            json.drain();
        } catch (IOException e) {
            throw new UncheckedIOException("a ByteArrayOutputStream does not fail", e);
        }
        return text.toString(StandardCharsets.US_ASCII).substring(1); // without the answer's opening brace
    }

    /** One raw sample. */
    void point(Point p) throws IOException {
        member(p.time());
        put(MEMORY_USED);
        size = memoryUsed.write(p.memoryUsed() / StatsMath.BYTES_PER_GIB, buffer, size);
        put(LIMIT);
        size = memoryLimit.write(p.memoryLimit() / StatsMath.BYTES_PER_GIB, buffer, size);
        put(CPU_USAGE);
        size = cpu.write(p.cpuPercent(), buffer, size);
        put(LIMIT);
        size = cpuLimit.write(p.cpuLimitPercent(), buffer, size);
        net(p.netUp(), p.netDown(), p.deltaUp(), p.deltaDown());
    }

    /** One bucket of a downsampled answer: means, peaks when asked, last totals and limits, summed deltas. */
    void bucket(Bucket b) throws IOException {
        member(b.start());
        put(MEMORY_USED);
        size = JsonNumbers.significant(b.memoryUsedMean() / StatsMath.BYTES_PER_GIB, buffer, size);
        if (peaks) {
            put(USED_MAX);
            size = JsonNumbers.significant(b.memoryUsedMax() / StatsMath.BYTES_PER_GIB, buffer, size);
        }
        put(LIMIT);
        size = memoryLimit.write(b.memoryLimit() / StatsMath.BYTES_PER_GIB, buffer, size);
        put(CPU_USAGE);
        size = JsonNumbers.significant(b.cpuPercentMean(), buffer, size);
        if (peaks) {
            put(USAGE_MAX);
            size = JsonNumbers.significant(b.cpuPercentMax(), buffer, size);
        }
        put(LIMIT);
        size = cpuLimit.write(b.cpuLimitPercent(), buffer, size);
        net(b.netUp(), b.netDown(), b.deltaUp(), b.deltaDown());
    }

    /** Starts a point: {@code {"time":} or {@code ,"time":}, with room in the buffer for all of it. */
    private void member(long time) throws IOException {
        if (size > buffer.length - POINT_LENGTH) {
            drain();
        }
        buffer[size++] = (byte) (empty ? '{' : ',');
        buffer[size++] = '"';
        empty = false;
        size = JsonNumbers.integer(time, buffer, size);
        buffer[size++] = '"';
        buffer[size++] = ':';
    }

    private void net(long up, long down, long deltaUp, long deltaDown) {
        put(NET_UP);
        size = JsonNumbers.kib(up, buffer, size);
        put(DOWN);
        size = JsonNumbers.kib(down, buffer, size);
        put(DELTA_UP);
        size = JsonNumbers.kib(deltaUp, buffer, size);
        put(DELTA_DOWN);
        size = JsonNumbers.kib(deltaDown, buffer, size);
        put(END_OF_POINT);
    }

    void end() throws IOException {
        if (empty) {
            buffer[size++] = '{';
        }
        buffer[size++] = '}';
        drain();
        out.flush();
    }

    private void put(byte[] text) {
        size = JsonNumbers.copy(text, buffer, size);
    }

    private void drain() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The text of one raw figure, formatted again only when its value changed. */
    private static final class Figure {

        private final byte[] text = new byte[JsonNumbers.MAX_LENGTH];
        private int length = -1;
        private long bits;

        int write(double value, byte[] to, int at) {
            long now = Double.doubleToRawLongBits(value);
            if (length < 0 || now != bits) {
                bits = now;
                length = JsonNumbers.number(value, text, 0);
            }
            System.arraycopy(text, 0, to, at, length);
            return at + length;
        }
    }
}
