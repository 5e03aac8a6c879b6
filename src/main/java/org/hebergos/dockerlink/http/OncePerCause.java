package org.hebergos.dockerlink.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A log filter that turns records of one message key carrying an exception into at most one WARNING line
 * per cause (exception type and the start of its message) and interval, on {@code summary}, without the
 * stack trace, saying how many were left out since the last line. Other records pass to {@code next}.
 */
final class OncePerCause implements Filter {

    /** Distinct causes remembered at once; beyond, all share one line per interval. */
    static final int MAX_CAUSES = 64;
    private static final int MAX_CAUSE_LENGTH = 160;

    private final String messageKey;
    private final long intervalNanos;
    private final Filter next;
    private final Logger summary;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    /** The interval that started with the last line written for a cause, and what was left out since. */
    private static final class Window {
        long start;
        long leftOut;

        Window(long start) {
            this.start = start;
        }
    }

    OncePerCause(String messageKey, Duration interval, Filter next, Logger summary, LongSupplier nanoTime) {
        this.messageKey = messageKey;
        this.intervalNanos = interval.toNanos();
        this.next = next;
        this.summary = summary;
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() == null || !messageKey.equals(record.getMessage())) {
            return next == null || next.isLoggable(record);
        }
        String cause = cause(record.getThrown());
        long leftOut;
        synchronized (windows) {
            long now = nanoTime.getAsLong();
            String key = windows.containsKey(cause) || windows.size() < MAX_CAUSES ? cause : "(other causes)";
            Window window = windows.get(key);
            if (window != null && now - window.start < intervalNanos) {
                window.leftOut++;
                return false;
            }
            leftOut = window == null ? 0 : window.leftOut;
            windows.put(key, new Window(now));
        }
        summary.warning(() -> "the HTTP layer could not process a request: " + cause
                + (leftOut > 0 ? " (" + leftOut + " more since the last such line)" : "")
                + "; at most one such line a " + Duration.ofNanos(intervalNanos).toSeconds() + " s, without stack trace");
        return false;
    }

    /** The exception's type and message up to the request's own text (Grizzly appends the offending escape after " - "). */
    static String cause(Throwable thrown) {
        String message = String.valueOf(thrown.getMessage());
        int own = message.indexOf(" - ");
        String text = thrown.getClass().getSimpleName() + ": " + (own < 0 ? message : message.substring(0, own));
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_CAUSE_LENGTH ? text.substring(0, MAX_CAUSE_LENGTH) + "…" : text;
    }
}
