package org.hebergos.dockerlink.stats;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes samples in the api.md shape. A 24 h history is 8,640 samples of nine numbers, so this writes
 * text directly (the keys are constants) and prints byte counts in KiB exactly with integer arithmetic
 * instead of formatting doubles.
 */
final class StatsJson {

    private final Writer out;
    private boolean empty = true;

    StatsJson(Writer out) throws IOException {
        this.out = out;
        out.write('{');
    }

    /** One {@code "time":{…}} member. */
    void write(Point s) throws IOException {
        out.write(empty ? "\"" : ",\"");
        empty = false;
        out.write(Long.toString(s.time()));
        out.write("\":{\"memory\":{\"used\":");
        out.write(number(StatsMath.gib(s.memoryUsed())));
        out.write(",\"limit\":");
        out.write(number(StatsMath.gib(s.memoryLimit())));
        out.write("},\"cpu\":{\"usage_percent\":");
        out.write(number(s.cpuPercent()));
        out.write(",\"limit\":");
        out.write(number(s.cpuLimitPercent()));
        out.write("},\"net\":{\"up\":");
        out.write(kib(s.netUp()));
        out.write(",\"down\":");
        out.write(kib(s.netDown()));
        out.write(",\"delta_up\":");
        out.write(kib(s.deltaUp()));
        out.write(",\"delta_down\":");
        out.write(kib(s.deltaDown()));
        out.write("}}");
    }

    void end() throws IOException {
        out.write('}');
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
}
