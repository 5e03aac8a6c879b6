package org.hebergos.dockerlink.docker.cgroup;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The few shapes cgroup and proc files come in, parsed strictly: anything else is
 * {@link CgroupUnreadable} naming the file, so a format change never turns into a wrong number.
 */
final class CgroupText {

    /** What a {@code max} limit (v2, v1 pids) reads as: no limit. */
    static final long UNLIMITED = Long.MAX_VALUE;

    /** A device, {@code MAJ:MIN}, as blkio and io.stat lines start. */
    static final Pattern DEVICE = Pattern.compile("\\d+:\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CgroupText() {
    }

    /** The blank-separated fields of a line (a compiled pattern: this runs for every line of every round). */
    static String[] fields(String line) {
        return SPACES.split(line.strip());
    }

    /** A file holding one non-negative integer, such as {@code memory.usage_in_bytes}. */
    static long number(String file, String content) throws CgroupUnreadable {
        return parse(file, content.strip());
    }

    /** A limit file: an integer, or {@code max} for none ({@code memory.max}, {@code pids.max}). */
    static long limit(String file, String content) throws CgroupUnreadable {
        String value = content.strip();
        return value.equals("max") ? UNLIMITED : parse(file, value);
    }

    /** A flat keyed file, one {@code key value} per line ({@code memory.stat}, {@code cpu.stat}, ...). */
    static Map<String, Long> keyed(String file, String content) throws CgroupUnreadable {
        Map<String, Long> values = new HashMap<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = fields(line);
            if (fields.length != 2) {
                throw new CgroupUnreadable(file, "unexpected line '" + line + "'");
            }
            values.put(fields[0], parse(file, fields[1]));
        }
        return values;
    }

    /** The value of {@code key}, which the file must have. */
    static long required(String file, Map<String, Long> values, String key) throws CgroupUnreadable {
        Long value = values.get(key);
        if (value == null) {
            throw new CgroupUnreadable(file, "no " + key + " line");
        }
        return value;
    }

    static long parse(String file, String value) throws CgroupUnreadable {
        try {
            long number = Long.parseLong(value);
            if (number < 0) {
                throw new CgroupUnreadable(file, "negative value " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new CgroupUnreadable(file, "not a number: '" + value + "'", e);
        }
    }
}
