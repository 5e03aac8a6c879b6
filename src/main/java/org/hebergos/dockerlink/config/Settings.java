package org.hebergos.dockerlink.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's typed configuration, built from the {@code .env} values with upper-case environment
 * variables taking precedence. The defaults ({@link #DEFAULTS}) and ranges are written here only; README's
 * Configuration table documents them (SettingsDocumentationTest holds it to them).
 *
 * @param dockerHost    docker-java host URL ({@code unix://…} or {@code tcp://…}), empty when not configured
 * @param apiToken      bearer token for {@code v1/}, empty when not configured (the API then refuses every call)
 * @param dataDir       where the embedded stats database lives
 * @param statsDataSource JNDI name of a server DataSource to use instead of the embedded database
 * @param managedLabel  {@code key} or {@code key=value}: when set, only containers carrying that label exist for the agent
 * @param eventsClients at most this many {@code v1/events} streams at once
 * @param statsSource   where the sampler reads containers' counters from
 */
public record Settings(Optional<String> dockerHost,
                       Optional<String> apiToken,
                       Duration dockerTimeout,
                       Duration statsInterval,
                       int statsConcurrency,
                       Duration statsRetention,
                       Duration historyRetention,
                       Path dataDir,
                       Optional<String> statsDataSource,
                       Duration gitTimeout,
                       Optional<String> managedLabel,
                       int eventsClients,
                       StatsSource statsSource) {

    /**
     * {@code stats_source}: the containers' cgroup files with the Engine for those they cannot give
     * ({@code auto}), the files only ({@code cgroup}), or the Engine's stats call only ({@code engine}).
     */
    public enum StatsSource {
        AUTO,
        CGROUP,
        ENGINE
    }

    /** Below this a round's deadline (80 %) ends before the engine's next 1 s stats tick has answered. */
    public static final Duration MIN_STATS_INTERVAL = Duration.ofSeconds(2);
    /** From this on, a round has time for the engine's answers even on a loaded host. */
    public static final Duration COMFORTABLE_STATS_INTERVAL = Duration.ofSeconds(5);

    /** Bounds far beyond any sensible value, so that no key can overflow what is computed from it. */
    static final Duration MAX_CALL_TIMEOUT = Duration.ofHours(1);
    static final Duration MAX_RETENTION = Duration.ofDays(100 * 366);
    /** Each stream and each concurrent stats call holds a thread. */
    static final int MAX_THREADS = 10_000;

    /** The default of every key that has one; a key set to an empty value gets its default too. */
    static final Map<String, String> DEFAULTS = Map.of(
            "docker_timeout", "30s",
            "stats_interval", "10s",
            "stats_concurrency", "256",
            "stats_retention", "7d",
            "history_retention", "400d",
            "data_dir", "data",
            "git_timeout", "60s",
            "events_clients", "64",
            "stats_source", "auto");

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

    /**
     * @param file        values read from the {@code .env} file (lower-case keys)
     * @param environment the process environment, looked up by upper-case key
     */
    public static Settings from(Map<String, String> file, Function<String, String> environment) {
        Function<String, Optional<String>> value = key -> Optional
                .ofNullable(environment.apply(key.toUpperCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(file.get(key)))
                .map(String::strip)
                .filter(v -> !v.isEmpty());
        Function<String, String> orDefault = key -> value.apply(key).orElse(DEFAULTS.get(key));
        return new Settings(
                value.apply("docker_sock").map(Settings::dockerHost),
                value.apply("api_token"),
                bounded("docker_timeout", orDefault.apply("docker_timeout"), 's', MAX_CALL_TIMEOUT),
                statsInterval(orDefault.apply("stats_interval")),
                threads("stats_concurrency", orDefault.apply("stats_concurrency")),
                bounded("stats_retention", orDefault.apply("stats_retention"), 'd', MAX_RETENTION),
                bounded("history_retention", orDefault.apply("history_retention"), 'd', MAX_RETENTION),
                Path.of(orDefault.apply("data_dir")).toAbsolutePath(),
                value.apply("stats_datasource"),
                bounded("git_timeout", orDefault.apply("git_timeout"), 's', MAX_CALL_TIMEOUT),
                value.apply("managed_label").map(Settings::label),
                threads("events_clients", orDefault.apply("events_clients")),
                statsSource(orDefault.apply("stats_source")));
    }

    private static Duration statsInterval(String text) {
        Duration interval = bounded("stats_interval", text, 's', MAX_CALL_TIMEOUT);
        if (interval.compareTo(MIN_STATS_INTERVAL) < 0) {
            throw new IllegalArgumentException("stats_interval: at least " + MIN_STATS_INTERVAL.toSeconds()
                    + "s (the engine answers a stats call at its next 1 s tick), got '" + text + "'");
        }
        return interval;
    }

    private static StatsSource statsSource(String text) {
        try {
            return StatsSource.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stats_source: expected auto, cgroup or engine, got '" + text + "'", e);
        }
    }

    /** A bare path means a unix socket; URLs are taken as they are. */
    static String dockerHost(String dockerSock) {
        return dockerSock.contains("://") ? dockerSock : "unix://" + dockerSock;
    }

    private static Duration bounded(String key, String text, char bareUnit, Duration max) {
        Duration duration = duration(key, text, bareUnit);
        if (duration.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + ": at most " + max.toSeconds() + "s, got '" + text + "'");
        }
        return duration;
    }

    /** {@code 90}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}; a bare number is in {@code bareUnit}. */
    static Duration duration(String key, String text, char bareUnit) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(key + ": expected a duration such as 30s, 15m, 2h or 7d, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        char unit = m.group(2).isEmpty() ? bareUnit : m.group(2).charAt(0);
        Duration duration = switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException(key + ": must be more than zero, got '" + text + "'");
        }
        return duration;
    }

    private static int threads(String key, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0 && n <= MAX_THREADS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": expected a whole number from 1 to " + MAX_THREADS + ", got '" + text + "'");
    }

    /** {@code key} or {@code key=value}, with a key. */
    private static String label(String text) {
        if (text.startsWith("=")) {
            throw new IllegalArgumentException("managed_label: expected key or key=value, got '" + text + "'");
        }
        return text;
    }
}
