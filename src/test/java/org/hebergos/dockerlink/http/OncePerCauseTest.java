package org.hebergos.dockerlink.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OncePerCauseTest {

    private final List<LogRecord> written = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final OncePerCause cut = new OncePerCause("KEY", Duration.ofMinutes(1), null, summaryLogger(), clock::get);

    @Test
    void aFloodOfOneCauseWritesOneLineAnIntervalWithoutStackTrace() {
        for (int i = 0; i < 10_000; i++) {
            assertFalse(cut.isLoggable(failure("URLDecoder: Illegal hex characters in escape (%) pattern - %z" + i)));
        }
        assertEquals(1, written.size());
        LogRecord line = written.get(0);
        assertEquals(Level.WARNING, line.getLevel());
        assertNull(line.getThrown());
        assertTrue(line.getMessage().contains("IllegalArgumentException: URLDecoder: Illegal hex characters in escape (%) pattern"),
                line.getMessage());
        assertFalse(line.getMessage().contains("%z"), "the request's own text is not logged: " + line.getMessage());

        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        cut.isLoggable(failure("URLDecoder: Illegal hex characters in escape (%) pattern - %zz"));
        assertEquals(2, written.size());
        assertTrue(written.get(1).getMessage().contains("9999 more"), written.get(1).getMessage());
    }

    @Test
    void eachCauseHasItsOwnLineAndTheirNumberIsBounded() {
        for (int i = 0; i < 1000; i++) {
            LogRecord record = new LogRecord(Level.SEVERE, "KEY");
            record.setThrown(new IllegalStateException("cause " + i));
            cut.isLoggable(record);
        }
        assertEquals(OncePerCause.MAX_CAUSES + 1, written.size(), "one line per remembered cause, one for all others");
    }

    @Test
    void otherRecordsPassUntouched() {
        assertTrue(cut.isLoggable(new LogRecord(Level.SEVERE, "OTHER-KEY")));
        LogRecord withoutException = new LogRecord(Level.SEVERE, "KEY");
        assertTrue(cut.isLoggable(withoutException));
        assertEquals(0, written.size());
    }

    private static LogRecord failure(String message) {
        LogRecord record = new LogRecord(Level.SEVERE, "KEY");
        record.setThrown(new IllegalArgumentException(message));
        return record;
    }

    private Logger summaryLogger() {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                written.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return logger;
    }
}
