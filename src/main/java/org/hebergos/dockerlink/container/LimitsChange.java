package org.hebergos.dockerlink.container;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.hebergos.dockerlink.error.BadParameter;
import org.hebergos.dockerlink.stats.StatsMath;

/**
 * The limits a {@code PATCH v1/container} asks for, in the units of stats: {@code memory} in GiB,
 * {@code cpulimit} in % of one core; from a JSON object or from query/form fields. Checked here, so the
 * engine only ever sees sane numbers.
 *
 * @param memoryBytes null when unchanged
 * @param cpuPercent  null when unchanged
 */
record LimitsChange(Long memoryBytes, Double cpuPercent) {

    /** The engine's floor for a memory limit. */
    static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;
    /** Far above any host, low enough that nanoseconds of CPU per second fit a long. */
    static final double MAX_CPU_PERCENT = 1_000_000;
    /**
     * The finest limit Linux applies (a 1 ms quota per 1 s period, a thousandth of a core); far smaller
     * values round to 0 {@code NanoCpus}, which the engine's update takes as "leave it as it is".
     */
    static final double MIN_CPU_PERCENT = 0.1;
    /** 1 EiB: far above any host, and bytes still fit a long. */
    private static final double MAX_MEMORY_GIB = 1024d * 1024 * 1024;

    /** From query or form fields, each null when absent. */
    static LimitsChange of(String memory, String cpulimit) {
        return of(number("memory", memory), number("cpulimit", cpulimit));
    }

    /**
     * From a JSON object with the keys {@code memory} and/or {@code cpulimit}, numbers, and nothing else:
     * read as a stream, so a nested value is refused at its first bracket (never parsed to any depth), and
     * nothing may follow the object.
     */
    static LimitsChange ofJson(String body) {
        Map<String, BigDecimal> values = new HashMap<>();
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw notAnObject();
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                if (!key.equals("memory") && !key.equals("cpulimit")) {
                    throw new BadParameter(key.replaceAll("[^\\w.-]", "?"), "unknown key (memory and cpulimit are)");
                }
                if (parser.next() != JsonParser.Event.VALUE_NUMBER) {
                    throw new BadParameter(key, "expected a number");
                }
                values.put(key, parser.getBigDecimal());
            }
            if (parser.hasNext()) {
                throw new BadParameter("body", "nothing may follow the JSON object");
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw notAnObject();
        }
        return of(number("memory", values.get("memory")), number("cpulimit", values.get("cpulimit")));
    }

    private static BadParameter notAnObject() {
        return new BadParameter("body", "expected a JSON object such as {\"memory\": 0.5, \"cpulimit\": 50}");
    }

    private static LimitsChange of(Double memoryGib, Double cpuPercent) {
        if (memoryGib == null && cpuPercent == null) {
            throw new BadParameter("memory", "memory (GiB) or cpulimit (% of one core) required");
        }
        Long bytes = null;
        if (memoryGib != null) {
            if (memoryGib > MAX_MEMORY_GIB) {
                throw new BadParameter("memory", "too large: " + memoryGib + " GiB");
            }
            bytes = Math.round(memoryGib * StatsMath.BYTES_PER_GIB);
            if (bytes < MIN_MEMORY_BYTES) {
                throw new BadParameter("memory", "at least 6 MiB (" + MIN_MEMORY_BYTES / StatsMath.BYTES_PER_GIB + " GiB), the engine's minimum");
            }
        }
        if (cpuPercent != null && (cpuPercent < MIN_CPU_PERCENT || cpuPercent > MAX_CPU_PERCENT)) {
            throw new BadParameter("cpulimit", "expected a % of one core from " + MIN_CPU_PERCENT + " (the finest Linux applies) to "
                    + (long) MAX_CPU_PERCENT + " (50 = half a core), got " + cpuPercent);
        }
        return new LimitsChange(bytes, cpuPercent);
    }

    private static Double number(String key, BigDecimal value) {
        return value == null ? null : finiteNonNegative(key, value);
    }

    private static Double number(String key, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return finiteNonNegative(key, new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            throw new BadParameter(key, "expected a number, got '" + text + "'");
        }
    }

    private static Double finiteNonNegative(String key, BigDecimal value) {
        double d = value.doubleValue();
        if (value.signum() < 0 || Double.isInfinite(d)) {
            throw new BadParameter(key, "expected a number not below 0, got " + value);
        }
        return d;
    }
}
