package org.hebergos.dockerlink.history;

import org.hebergos.dockerlink.stats.StatsMath;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a history in the api.md shape: {@code {"time":{"memory":{…},"cpu":{…},"net":{…}},…}}. A 24 h
 * history is 8,640 samples of nine numbers, so this writes text directly (the keys are constants),
 * prints byte counts in KiB exactly with integer arithmetic, and reuses the text of a figure that did
 * not change since the previous sample (limits, idle memory) instead of formatting it again.
 */
public final class HistoryJson {


    private final Writer out;
    private final boolean peaks;
    private boolean empty = true;
    private final Number memoryUsed = new Number();
    private final Number memoryLimit = new Number();
    private final Number cpu = new Number();
    private final Number cpuLimit = new Number();

    /** @param peaks whether buckets carry {@code used_max} and {@code usage_percent_max} */
    HistoryJson(Writer out, boolean peaks) {
        this.out = out;
        this.peaks = peaks;
    }

    /** One raw sample as a member of an answer, {@code "time":{…}}: what the live event stream sends. */
    public static String member(Point p) {
        StringWriter text = new StringWriter(256);
        try {
            new HistoryJson(text, false).point(p);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString().substring(1); // without the answer's opening brace
    }

    /** One raw sample. */
    void point(Point p) throws IOException {
        member(p.time());
        out.write("{\"memory\":{\"used\":");
        out.write(memoryUsed.gib(p.memoryUsed()));
        out.write(",\"limit\":");
        out.write(memoryLimit.gib(p.memoryLimit()));
        out.write("},\"cpu\":{\"usage_percent\":");
        out.write(cpu.of(p.cpuPercent()));
        out.write(",\"limit\":");
        out.write(cpuLimit.of(p.cpuLimitPercent()));
        net(p.netUp(), p.netDown(), p.deltaUp(), p.deltaDown());
    }

    /** One bucket of a downsampled answer: means, peaks when asked, last totals and limits, summed deltas. */
    void bucket(Bucket b) throws IOException {
        member(b.start());
        out.write("{\"memory\":{\"used\":");
        out.write(number(b.memoryUsedMean() / StatsMath.BYTES_PER_GIB));
        if (peaks) {
            out.write(",\"used_max\":");
            out.write(number(b.memoryUsedMax() / StatsMath.BYTES_PER_GIB));
        }
        out.write(",\"limit\":");
        out.write(memoryLimit.gib(b.memoryLimit()));
        out.write("},\"cpu\":{\"usage_percent\":");
        out.write(number(b.cpuPercentMean()));
        if (peaks) {
            out.write(",\"usage_percent_max\":");
            out.write(number(b.cpuPercentMax()));
        }
        out.write(",\"limit\":");
        out.write(cpuLimit.of(b.cpuLimitPercent()));
        net(b.netUp(), b.netDown(), b.deltaUp(), b.deltaDown());
    }

    private void member(long time) throws IOException {
        out.write(empty ? "{\"" : ",\"");
        empty = false;
        out.write(Long.toString(time));
        out.write("\":");
    }

    private void net(long up, long down, long deltaUp, long deltaDown) throws IOException {
        out.write("},\"net\":{\"up\":");
        out.write(kib(up));
        out.write(",\"down\":");
        out.write(kib(down));
        out.write(",\"delta_up\":");
        out.write(kib(deltaUp));
        out.write(",\"delta_down\":");
        out.write(kib(deltaDown));
        out.write("}}");
    }

    void end() throws IOException {
        out.write(empty ? "{}" : "}");
        out.flush();
    }

    /** A JSON number; NaN and infinities, which JSON cannot carry, become 0. */
    static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "0.0";
    }

    /**
     * {@code bytes / 1024} written exactly: 1/1024 = 0.0009765625, so the fraction is the low ten bits
     * times 9765625 over 10^10. The same value a double division gives, in fewer characters.
     */
    static String kib(long bytes) {
        long whole = bytes >> 10;
        long fraction = (bytes & 1023) * 9_765_625L;
        if (fraction == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(10_000_000_000L + fraction).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }

    /** The text of one figure, formatted again only when its value changed. */
    private static final class Number {

        private long bits = 1;
        private String text;

        String gib(long bytes) {
            return of(bytes / StatsMath.BYTES_PER_GIB);
        }

        String of(double value) {
            long now = Double.doubleToRawLongBits(value);
            if (text == null || now != bits) {
                bits = now;
                text = number(value);
            }
            return text;
        }
    }
}
