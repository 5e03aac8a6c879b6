package org.hebergos.dockerlink.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What operators read about the configuration says what {@link Settings} does: README's Configuration
 * table gives each key the default {@link Settings#DEFAULTS} has and the bounds it enforces, and every key
 * is in {@code .env.example}.
 */
class SettingsDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+) \\|(.*)\\|$", Pattern.MULTILINE);

    @Test
    void readmeTableGivesEveryKeyTheDefaultSettingsUses() throws IOException {
        Map<String, String> documented = table();
        Settings.DEFAULTS.forEach((key, value) -> assertEquals("`" + value + "`", documented.get(key), key));
        documented.forEach((key, value) -> assertTrue(Settings.DEFAULTS.containsKey(key) || key.equals("port")
                || value.startsWith("("), key + " is documented with default " + value + " that Settings does not have"));
    }

    @Test
    void envExampleStatesTheBoundsSettingsEnforces() throws IOException {
        String example = Files.readString(Path.of(".env.example"));
        assertTrue(example.contains("Allowed: " + Settings.MIN_STATS_INTERVAL.toSeconds() + "s to " + Settings.MAX_CALL_TIMEOUT.toHours() + "h"), "stats_interval");
        assertTrue(example.contains("at most " + Settings.MAX_CALL_TIMEOUT.toHours() + "h"), "timeouts");
        assertTrue(example.contains("at most " + Settings.MAX_RETENTION.toDays() + "d"), "retentions");
        assertTrue(example.contains("from 1 to " + Settings.MAX_THREADS), "thread counts");
        assertTrue(example.contains("Allowed: auto, cgroup or engine."), "stats_source");
        assertEquals(List.of("AUTO", "CGROUP", "ENGINE"), Arrays.stream(Settings.StatsSource.values()).map(Enum::name).toList(),
                "stats_source's values as .env.example lists them");
    }

    @Test
    void envExampleHasEveryKey() throws IOException {
        String example = Files.readString(Path.of(".env.example"));
        for (String key : table().keySet()) {
            assertTrue(Pattern.compile("^#? ?" + key + "=", Pattern.MULTILINE).matcher(example).find(), key);
        }
    }

    /** key → default column of README's Configuration table. */
    private static Map<String, String> table() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## Configuration\n"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Matcher row = ROW.matcher(section);
        return row.results().collect(Collectors.toMap(r -> r.group(1), r -> r.group(2).strip()));
    }
}
