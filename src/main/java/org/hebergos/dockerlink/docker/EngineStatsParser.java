package org.hebergos.dockerlink.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the body of {@code GET /containers/{id}/stats} (cgroup v1 or v2 engine) into {@link EngineStats}
 * in one streaming pass that keeps only the figures the agent uses: it runs for every container every
 * round, so it builds no tree and no docker-java model.
 */
public final class EngineStatsParser {

    private static final JsonFactory JSON = new JsonFactory();

    private EngineStatsParser() {
    }

    public static EngineStats parse(byte[] json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            return new Reading().read(p);
        }
    }

    /** The fields of one payload as they stream past. */
    private static final class Reading {
        String read = "";
        long totalUsage;
        int percpuCount;
        long systemUsage;
        int onlineCpus;
        long memoryUsage;
        long memoryLimit;
        final Map<String, Long> memoryStats = new HashMap<>();
        long rx;
        long tx;

        EngineStats read(JsonParser p) throws IOException {
            p.nextToken();
            for (String field : fields(p)) {
                switch (field) {
                    case "read" -> read = p.getText();
                    case "cpu_stats" -> cpu(p);
                    case "memory_stats" -> memory(p);
                    case "networks" -> networks(p);
                    default -> p.skipChildren();
                }
            }
            boolean hasCpu = totalUsage > 0 || systemUsage > 0;
            int online = onlineCpus > 0 ? onlineCpus : percpuCount;
            // the engine's read time is only the CPU clock when the host's CPU time is missing; parsing it costs
            Instant readAt = systemUsage > 0 && online > 0 ? null : readTime(read);
            return new EngineStats(readAt, hasCpu, totalUsage, systemUsage, online, memoryUsage, Map.copyOf(memoryStats),
                    memoryLimit, rx, tx, StatsOrigin.ENGINE);
        }

        private void cpu(JsonParser p) throws IOException {
            for (String field : fields(p)) {
                switch (field) {
                    case "cpu_usage" -> {
                        for (String usage : fields(p)) {
                            if (usage.equals("total_usage")) {
                                totalUsage = p.getValueAsLong();
                            } else if (usage.equals("percpu_usage") && p.currentToken() == JsonToken.START_ARRAY) {
                                while (p.nextToken() != JsonToken.END_ARRAY) {
                                    percpuCount++;
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    case "system_cpu_usage" -> systemUsage = p.getValueAsLong();
                    case "online_cpus" -> onlineCpus = p.getValueAsInt();
                    default -> p.skipChildren();
                }
            }
        }

        private void memory(JsonParser p) throws IOException {
            for (String field : fields(p)) {
                switch (field) {
                    case "usage" -> memoryUsage = p.getValueAsLong();
                    case "limit" -> memoryLimit = p.getValueAsLong();
                    case "stats" -> {
                        for (String key : fields(p)) {
                            if (key.equals("total_inactive_file") || key.equals("inactive_file")) {
                                memoryStats.put(key, p.getValueAsLong());
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }

        private void networks(JsonParser p) throws IOException {
            for (String network : fields(p)) {
                for (String field : fields(p)) {
                    switch (field) {
                        case "rx_bytes" -> rx += p.getValueAsLong();
                        case "tx_bytes" -> tx += p.getValueAsLong();
                        default -> p.skipChildren();
                    }
                }
            }
        }
    }

    /**
     * The field names of the object the parser stands at, each with the parser moved to its value; an
     * absent or null value yields none.
     */
    private static Iterable<String> fields(JsonParser p) {
        return () -> new Iterator<>() {
            private boolean object = p.currentToken() == JsonToken.START_OBJECT;

            @Override
            public boolean hasNext() {
                if (!object) {
                    return false;
                }
                try {
                    if (p.nextToken() == JsonToken.FIELD_NAME) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                object = false;
                return false;
            }

            @Override
            public String next() {
                try {
                    String name = p.currentName();
                    p.nextToken();
                    return name;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Instant readTime(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
