package org.hebergos.dockerlink.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the body of {@code GET /containers/{id}/stats} (cgroup v1 or v2 engine) into {@link EngineStats}.
 * The JSON tree is read directly rather than through docker-java's model, which lacks some cgroup v2 keys.
 */
public final class EngineStatsParser {

    private EngineStatsParser() {
    }

    public static EngineStats parse(JsonNode root) {
        JsonNode cpu = root.path("cpu_stats");
        JsonNode usage = cpu.path("cpu_usage");
        boolean hasCpu = usage.path("total_usage").asLong(0) > 0 || cpu.path("system_cpu_usage").asLong(0) > 0;
        int online = cpu.path("online_cpus").asInt(0);
        if (online == 0) {
            online = usage.path("percpu_usage").size();
        }
        JsonNode memory = root.path("memory_stats");
        Map<String, Long> memoryStats = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = memory.path("stats").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            memoryStats.put(e.getKey(), e.getValue().asLong());
        }
        long rx = 0;
        long tx = 0;
        for (JsonNode network : root.path("networks")) {
            rx += network.path("rx_bytes").asLong(0);
            tx += network.path("tx_bytes").asLong(0);
        }
        return new EngineStats(readTime(root.path("read").asText("")),
                hasCpu,
                usage.path("total_usage").asLong(0),
                cpu.path("system_cpu_usage").asLong(0),
                online,
                memory.path("usage").asLong(0),
                Map.copyOf(memoryStats),
                memory.path("limit").asLong(0),
                rx,
                tx);
    }

    private static Instant readTime(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
