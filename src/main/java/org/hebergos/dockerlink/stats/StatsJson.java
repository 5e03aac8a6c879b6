package org.hebergos.dockerlink.stats;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes samples in the api.md shape. A 24 h history is 8,640 samples of nine numbers, so this writes
 * text directly (the keys are constants), prints byte counts in KiB exactly with integer arithmetic
 * instead of formatting doubles, and passes on members rendered once, when the store compacted them.
 */
final class StatsJson implements StatsStore.HistoryConsumer {

    private final Writer out;
    private final long since;
    private boolean empty = true;

    /** Writes the members from {@code since} on (the store hands whole compacted hours). */
    StatsJson(Writer out, long since) throws IOException {
        this.out = out;
        this.since = since;
        out.write('{');
    }

    /** One {@code "time":{…}} member. */
    @Override
    public void point(Point point) throws IOException {
        writeMember(member(point));
    }

    /** The members of a compacted chunk ({@link #member}s, one a line, ascending) from {@code since} on. */
    @Override
    public void chunk(String members) throws IOException {
        if (time(members) >= since) {
            // the whole hour: its lines, joined by commas as they are written
            int start = 0;
            for (int end = members.indexOf('\n'); end >= 0; start = end + 1, end = members.indexOf('\n', start)) {
                writeMember(members, start, end);
            }
            writeMember(members, start, members.length());
            return;
        }
        for (String member : members.split("\n")) {
            if (time(member) >= since) {
                writeMember(member);
            }
        }
    }

    private void writeMember(String member) throws IOException {
        writeMember(member, 0, member.length());
    }

    private void writeMember(String text, int start, int end) throws IOException {
        if (!empty) {
            out.write(',');
        }
        empty = false;
        out.write(text, start, end - start);
    }

    /** {@code "time":{"memory":{…},"cpu":{…},"net":{…}}}, the text of one sample on the wire. */
    static String member(Point p) {
        return "\"" + p.time()
                + "\":{\"memory\":{\"used\":" + number(StatsMath.gib(p.memoryUsed()))
                + ",\"limit\":" + number(StatsMath.gib(p.memoryLimit()))
                + "},\"cpu\":{\"usage_percent\":" + number(p.cpuPercent())
                + ",\"limit\":" + number(p.cpuLimitPercent())
                + "},\"net\":{\"up\":" + kib(p.netUp())
                + ",\"down\":" + kib(p.netDown())
                + ",\"delta_up\":" + kib(p.deltaUp())
                + ",\"delta_down\":" + kib(p.deltaDown())
                + "}}";
    }

    /** The time key of a rendered member: the digits inside its leading quotes. */
    static long time(String member) {
        return Long.parseLong(member, 1, member.indexOf('"', 1), 10);
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
