package org.hebergos.dockerlink.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsWhenOnlyTheRequiredKeysAreSet() {
        Settings s = Settings.from(Map.of("docker_sock", "/var/run/docker.sock", "api_token", "t"), k -> null);
        assertEquals(Optional.of("unix:///var/run/docker.sock"), s.dockerHost());
        assertEquals(Optional.of("t"), s.apiToken());
        assertEquals(Duration.ofSeconds(10), s.statsInterval());
        assertEquals(Duration.ofDays(7), s.statsRetention());
        assertEquals(Duration.ofSeconds(60), s.gitTimeout());
        assertEquals(Duration.ofSeconds(30), s.dockerTimeout());
        assertEquals(256, s.statsConcurrency());
        assertTrue(s.dataDir().isAbsolute() && s.dataDir().endsWith("data"));
        assertEquals(Optional.empty(), s.statsDataSource());
        assertEquals(Settings.StatsSource.AUTO, s.statsSource());
    }

    @Test
    void statsSourceIsOneOfThreeInAnyCase() {
        assertEquals(Settings.StatsSource.ENGINE, Settings.from(Map.of("stats_source", "Engine"), k -> null).statsSource());
        assertEquals(Settings.StatsSource.CGROUP, Settings.from(Map.of(), k -> k.equals("STATS_SOURCE") ? "cgroup" : null).statsSource());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Map.of("stats_source", "kernel"), k -> null));
        assertEquals("stats_source: expected auto, cgroup or engine, got 'kernel'", e.getMessage());
    }

    @Test
    void upperCaseEnvironmentVariablesWinOverTheFile() {
        Map<String, String> env = Map.of("DOCKER_SOCK", "tcp://10.0.0.1:2375", "API_TOKEN", "from-env");
        Settings s = Settings.from(Map.of("docker_sock", "/file.sock", "api_token", "from-file"), env::get);
        assertEquals(Optional.of("tcp://10.0.0.1:2375"), s.dockerHost());
        assertEquals(Optional.of("from-env"), s.apiToken());
    }

    @Test
    void emptyValuesCountAsUnset() {
        Settings s = Settings.from(Map.of("api_token", "  ", "docker_sock", ""), k -> null);
        assertEquals(Optional.empty(), s.apiToken());
        assertEquals(Optional.empty(), s.dockerHost());
    }

    @Test
    void dockerSockAcceptsPathsAndUrls() {
        assertEquals("unix:///run/user/1000/docker.sock", Settings.dockerHost("/run/user/1000/docker.sock"));
        assertEquals("unix:///var/run/docker.sock", Settings.dockerHost("unix:///var/run/docker.sock"));
        assertEquals("tcp://127.0.0.1:2375", Settings.dockerHost("tcp://127.0.0.1:2375"));
    }

    @Test
    void durationsTakeUnitsAndABareNumberInTheKeysDefaultUnit() {
        assertEquals(Duration.ofSeconds(15), Settings.duration("k", "15", 's'));
        assertEquals(Duration.ofMinutes(2), Settings.duration("k", "2m", 's'));
        assertEquals(Duration.ofHours(48), Settings.duration("k", "48h", 'd'));
        assertEquals(Duration.ofDays(3), Settings.duration("k", "3", 'd'));
    }

    @Test
    void badValuesNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Map.of("stats_interval", "often"), k -> null));
        assertTrue(e.getMessage().startsWith("stats_interval:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Settings.duration("git_timeout", "0s", 's'));
        assertThrows(IllegalArgumentException.class, () -> Settings.from(Map.of("stats_concurrency", "-1"), k -> null));
    }

    @Test
    void aStatsIntervalShorterThanTheEnginesTickIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Map.of("stats_interval", "1s"), k -> null));
        assertTrue(e.getMessage().startsWith("stats_interval: at least 2s"), e.getMessage());
        assertEquals(Duration.ofSeconds(2), Settings.from(Map.of("stats_interval", "2"), k -> null).statsInterval());
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheKey() {
        // 2,000,000,000 streams overflowed a buffer size computed from them into a bare IllegalArgumentException
        Map<String, String> outOfRange = Map.of("events_clients", "2000000000", "stats_concurrency", "2147483647",
                "docker_timeout", "9999999999s", "git_timeout", "2h", "stats_retention", "999999999d",
                "history_retention", "40000d", "stats_interval", "2d");
        outOfRange.forEach((key, text) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.from(Map.of(key, text), k -> null), key);
            assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
        });
        Settings top = Settings.from(Map.of("events_clients", "10000", "stats_concurrency", "10000", "docker_timeout", "1h",
                "history_retention", "36600d"), k -> null);
        assertEquals(10_000, top.eventsClients());
        assertEquals(Duration.ofHours(1), top.dockerTimeout());
    }
}
