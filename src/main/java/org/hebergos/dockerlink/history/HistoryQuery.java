package org.hebergos.dockerlink.history;

import java.time.Duration;
import java.util.Locale;
import org.hebergos.dockerlink.error.BadParameter;

/**
 * What a stats request asks for, validated: the range [from, until), and either every raw sample
 * ({@code step} 0), buckets of {@code step} seconds, or the newest sample only.
 *
 * @param peaks whether buckets carry their peaks (a bucket longer than the sampling interval)
 */
public record HistoryQuery(long from, long until, long step, boolean instant, boolean peaks) {

    static final long MAX_STEP = 604_800;
    /** Past the last second a key can hold: no upper bound. */
    static final long NO_END = 1L << 32;

    /** The panel's presets: how far back from the end, and at which step (0: raw samples). */
    enum Scale {
        HOUR(3600, 0), FOUR_HOURS(4 * 3600, 60), DAY(86_400, 300), WEEK(7 * 86_400, 1800), INSTANT(0, 0);

        final long span;
        final long step;

        Scale(long span, long step) {
            this.span = span;
            this.step = step;
        }

        static Scale of(String name) {
            return switch (name) {
                case "hour" -> HOUR;
                case "4hours" -> FOUR_HOURS;
                case "day" -> DAY;
                case "week" -> WEEK;
                case "instant" -> INSTANT;
                default -> throw new BadParameter("scale", "expected hour, 4hours, day, week or instant, got '" + clip(name) + "'");
            };
        }
    }

    /**
     * @param now      the current unix second (a preset's range ends now unless {@code until} is given)
     * @param interval the sampling interval, of which {@code step} must be a multiple
     */
    public static HistoryQuery parse(String since, String until, String step, String scale, Duration interval, long now) {
        boolean hasScale = scale != null && !scale.isEmpty();
        boolean hasStep = step != null && !step.isEmpty();
        Scale preset = hasScale ? Scale.of(scale.toLowerCase(Locale.ROOT)) : null;
        if (hasScale && hasStep) {
            throw new BadParameter("step", "not allowed together with scale");
        }
        Long from = since == null || since.isEmpty() ? null : unixSeconds("since", since);
        if (from == null && !hasScale) {
            throw new BadParameter("since", "required (unix seconds)");
        }
        long end = until == null || until.isEmpty() ? NO_END : unixSeconds("until", until);
        if (from != null && end <= from) {
            throw new BadParameter("until", "must be after since (" + from + "), got " + end);
        }
        long seconds = Math.max(1, interval.toSeconds());
        if (preset != null) {
            long start = preset == Scale.INSTANT ? Long.MIN_VALUE : Math.min(end, now + 1) - preset.span;
            return new HistoryQuery(Math.max(0, Math.max(from == null ? 0 : from, start)), end, preset.step,
                    preset == Scale.INSTANT, preset.step > seconds);
        }
        long buckets = hasStep ? step(step, seconds) : 0;
        return new HistoryQuery(Math.max(0, from), end, buckets, false, buckets > seconds);
    }

    private static long step(String text, long interval) {
        long step;
        try {
            step = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadParameter("step", "expected seconds, got '" + clip(text) + "'");
        }
        if (step <= 0 || step % interval != 0 || step > MAX_STEP) {
            throw new BadParameter("step", "expected a positive multiple of the sampling interval (" + interval
                    + " s) of at most " + MAX_STEP + " s, got " + step);
        }
        return step;
    }

    static long unixSeconds(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new BadParameter(name, "required (unix seconds)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "expected unix seconds, got '" + clip(value) + "'");
        }
    }

    /** Echoes at most a short, single-line piece of what the caller sent. */
    private static String clip(String value) {
        String line = value.replaceAll("[\\r\\n\\t]", " ");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
