package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hebergos.dockerlink.stats.Sample;
import org.junit.jupiter.api.Test;

/** The store on a real embedded H2 file. */
class HistoryStoreTest extends StoreFixture {

    @Test
    void rawAnswersAreTheSameBeforeAndAfterCompaction() throws IOException {
        long[] sinces = {0, HOUR, HOUR + 1, HOUR + 1795, HOUR + 3600, HOUR + 5000, HOUR + 3 * 3600, HOUR + 99_999};
        List<String> before = new ArrayList<>();
        for (long since : sinces) {
            before.add(raw(A, since));
        }
        assertEquals(2, cut.compactHours(HOUR + 3600), "one hour of two containers");
        assertEquals(4, cut.compactHours(HOUR + 3 * 3600), "the two next hours of two containers");
        assertEquals(0, cut.compactHours(HOUR + 3 * 3600), "nothing left to compact");
        for (int i = 0; i < sinces.length; i++) {
            assertEquals(before.get(i), raw(A, sinces[i]), "since " + sinces[i]);
        }
        assertEquals(3 * 360, json(raw(A, 0)).size());
        assertTrue(raw(A, 0).startsWith("{\"" + HOUR + "\":{"));
        assertEquals("{}", raw(A, HOUR + 3 * 3600));
        assertEquals(null, Stores.raw(cut, "c".repeat(64), 0), "nothing stored for an unknown container");
    }

    @Test
    void untilIsExclusive() throws IOException {
        JsonObject part = json(Stores.answer(cut, A, new HistoryQuery(HOUR + 100, HOUR + 200, 0, false, false)));
        assertEquals(List.of("" + (HOUR + 100), "" + (HOUR + 110), "" + (HOUR + 190)),
                List.of(part.keySet().iterator().next(), new ArrayList<>(part.keySet()).get(1), new ArrayList<>(part.keySet()).get(9)));
        assertEquals(10, part.size());
    }

    @Test
    void theNewestSampleKeepsItsBaselineAfterCompaction() {
        Sample newest = cut.last(A).orElseThrow();
        assertEquals(HOUR + 3 * 3600 - 10, newest.time());
        cut.compactHours(HOUR + 4 * 3600);
        assertEquals(newest, cut.last(A).orElseThrow(), "read back from the compact hour, baselines included");
        assertTrue(cut.known(A));
        assertFalse(cut.known("c".repeat(64)));
    }

    @Test
    void aSecondAlreadyStoredIsSkippedWithoutFailingTheRound() throws IOException {
        cut.compactHours(HOUR + 3600);
        String before = raw(A, 0);
        Sample again = new Sample(A, HOUR + 7200, 1, 999, 999, 99, 99, 1, 1, 1, 1, 1, 1);
        Sample inChunk = new Sample(A, HOUR + 10, 1, 999, 999, 99, 99, 1, 1, 1, 1, 1, 1);
        Sample fresh = Stores.sample(A, HOUR + 4 * 3600, HOUR);
        cut.insert(List.of(again, inChunk, fresh, fresh));
        JsonObject all = json(raw(A, 0));
        assertEquals(3 * 360 + 1, all.size(), "only the new second was added");
        assertEquals(before.substring(0, before.length() - 1), raw(A, 0).substring(0, before.length() - 1),
                "what was stored first stays");
        cut.compactHours(HOUR + 5 * 3600);
        assertEquals(3 * 360 + 1, json(raw(A, 0)).size(), "the compacted hour keeps its own sample of that second");
        assertEquals(before.substring(0, before.length() - 1), raw(A, 0).substring(0, before.length() - 1));
    }

    @Test
    void stepAnswersAreMeansOfTheRawSamples() throws IOException {
        JsonObject raw = json(raw(A, HOUR));
        JsonObject minutes = json(stepped(A, HOUR, HOUR + 3 * 3600, 60));
        assertEquals(3 * 60, minutes.size());
        for (String key : minutes.keySet()) {
            long start = Long.parseLong(key);
            double used = 0;
            double cpu = 0;
            double maxCpu = 0;
            double deltaDown = 0;
            int n = 0;
            for (long t = start; t < start + 60; t++) {
                JsonObject s = raw.getJsonObject(String.valueOf(t));
                if (s != null) {
                    used += s.getJsonObject("memory").getJsonNumber("used").doubleValue();
                    double c = s.getJsonObject("cpu").getJsonNumber("usage_percent").doubleValue();
                    cpu += c;
                    maxCpu = Math.max(maxCpu, c);
                    deltaDown += s.getJsonObject("net").getJsonNumber("delta_down").doubleValue();
                    n++;
                }
            }
            JsonObject b = minutes.getJsonObject(key);
            assertEquals(6, n);
            assertEquals(used / n, b.getJsonObject("memory").getJsonNumber("used").doubleValue(), 1e-15);
            assertEquals(cpu / n, b.getJsonObject("cpu").getJsonNumber("usage_percent").doubleValue(), 1e-12);
            assertEquals(maxCpu, b.getJsonObject("cpu").getJsonNumber("usage_percent_max").doubleValue());
            assertEquals(deltaDown, b.getJsonObject("net").getJsonNumber("delta_down").doubleValue(), 1e-9);
            assertEquals(0.25, b.getJsonObject("memory").getJsonNumber("limit").doubleValue());
        }
    }

    @Test
    void summariesAnswerLikeTheRawSamplesAndOutliveThem() throws IOException {
        String fromRaw = stepped(A, 0, HistoryQuery.NO_END, 86_400);
        String hoursFromRaw = stepped(A, 0, HistoryQuery.NO_END, 3600);
        String halvesFromRaw = stepped(A, 0, HistoryQuery.NO_END, 1800);
        String partOfADayFromRaw = stepped(A, HOUR + 1800, HistoryQuery.NO_END, 86_400);
        cut.compactHours(HOUR + 4 * 3600);
        assertEquals(6, cut.summarize(HOUR + 4 * 3600));
        assertEquals(0, cut.summarize(HOUR + 4 * 3600), "nothing left to summarize");
        assertSameFigures(fromRaw, stepped(A, 0, HistoryQuery.NO_END, 86_400));
        assertSameFigures(hoursFromRaw, stepped(A, 0, HistoryQuery.NO_END, 3600));
        assertSameFigures(halvesFromRaw, stepped(A, 0, HistoryQuery.NO_END, 1800));
        cut.purgeRaw(HOUR + 5 * 3600);
        assertEquals("{}", raw(A, 0), "raw samples are gone");
        assertSameFigures(fromRaw, stepped(A, 0, HistoryQuery.NO_END, 86_400));
        assertSameFigures(hoursFromRaw, stepped(A, 0, HistoryQuery.NO_END, 3600));
        assertSameFigures(halvesFromRaw, stepped(A, 0, HistoryQuery.NO_END, 1800));
        assertSameFigures(partOfADayFromRaw, stepped(A, HOUR + 1800, HistoryQuery.NO_END, 86_400));
        // a finer step than the summaries: one point per summary, at its start
        assertSameFigures(halvesFromRaw, stepped(A, 0, HistoryQuery.NO_END, 600));
        assertTrue(cut.known(A), "a container with only summaries left is still known");
        cut.purgeSummaries(HOUR + 86_400 * 2);
        assertEquals("{}", stepped(A, 0, HistoryQuery.NO_END, 86_400));
    }

    @Test
    void aRangeStartingInsideASummarizedHalfHourWhoseSamplesAreKeptIsAnsweredFromTheSamplesOnly() throws IOException {
        long from = HOUR + 1234; // inside the first half-hour, whose summary also holds samples before it
        String[] before = {stepped(A, from, HistoryQuery.NO_END, 10), stepped(A, from, HistoryQuery.NO_END, 60),
                stepped(A, from + 1800, HistoryQuery.NO_END, 300)};
        cut.compactHours(HOUR + 2 * 3600);
        assertEquals(4, cut.summarize(HOUR + 2 * 3600));
        assertSameFigures(before[0], stepped(A, from, HistoryQuery.NO_END, 10));
        assertSameFigures(before[1], stepped(A, from, HistoryQuery.NO_END, 60));
        assertSameFigures(before[2], stepped(A, from + 1800, HistoryQuery.NO_END, 300));
        assertTrue(before[0].startsWith("{\"" + (HOUR + 1240) + "\":"), before[0].substring(0, 30));
    }

    @Test
    void rawSamplesArePurgedByWholeHoursSoThatSummariesAndSamplesMeet() throws IOException {
        // compaction never ran (it failed, say) while summaries and purges did
        String[] before = {stepped(A, HOUR + 600, HOUR + 3600, 600), stepped(A, HOUR + 1900, HOUR + 3600, 600)};
        assertEquals(6, cut.summarize(HOUR + 4 * 3600), "three hours of rows of two containers");
        cut.purgeRaw(HOUR + 2400);
        assertSameFigures(before[0], stepped(A, HOUR + 600, HOUR + 3600, 600));
        assertSameFigures(before[1], stepped(A, HOUR + 1900, HOUR + 3600, 600));
        assertTrue(raw(A, HOUR).startsWith("{\"" + HOUR + "\":"), "the hour the purge fell in is kept whole");
    }

    /**
     * Means computed from sums in another order may differ in the last bits, and so in the last of the
     * 12 digits written; everything else is exact.
     */
    private static void assertSameFigures(String expected, String actual) {
        JsonObject e = json(expected);
        JsonObject a = json(actual);
        assertEquals(e.keySet(), a.keySet());
        for (String key : e.keySet()) {
            for (String group : List.of("memory", "cpu", "net")) {
                JsonObject eg = e.getJsonObject(key).getJsonObject(group);
                JsonObject ag = a.getJsonObject(key).getJsonObject(group);
                assertEquals(eg.keySet(), ag.keySet());
                for (String field : eg.keySet()) {
                    assertEquals(eg.getJsonNumber(field).doubleValue(), ag.getJsonNumber(field).doubleValue(),
                            Math.abs(eg.getJsonNumber(field).doubleValue()) * 1e-11, key + " " + group + "." + field);
                }
            }
        }
    }

    @Test
    void purgesRunWhenCompactionFails() throws IOException {
        HistoryStore failing = new HistoryStore() {
            @Override
            public int compactHours(long before) {
                throw new StoreUnavailable("compaction broke", null);
            }
        };
        failing.use(cut.database);
        HistoryMaintenance maintenance = new HistoryMaintenance();
        maintenance.settings = org.hebergos.dockerlink.config.Settings.from(
                java.util.Map.of("data_dir", dataDir.toString(), "stats_retention", "1h"), k -> null);
        maintenance.store = failing;
        maintenance.maintain(HOUR + 3 * 3600 + 1800);
        assertEquals(HOUR + 2 * 3600, Long.parseLong(json(Stores.raw(cut, A, 0)).keySet().iterator().next()),
                "samples of the hours that ended before stats_retention are gone although compaction failed");
    }

    @Test
    void aDatabaseClosedUnderThePoolIsOpenedAgainByTheNextUse() throws Exception {
        String before = raw(A, HOUR + 3 * 3600 - 60);
        try (java.sql.Connection c = cut.database.connection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN"); // as H2 does by itself when its background writer fails
        }
        assertEquals(before, raw(A, HOUR + 3 * 3600 - 60), "answered, not 503");
    }

    @Test
    void reasonsArePlainWords() {
        assertNotEquals("", FailureReason.of(new java.sql.SQLException("x\ny")));
        assertEquals("x", FailureReason.of(new java.sql.SQLException("x\ny")));
        assertEquals("disk full", FailureReason.of(new IllegalStateException(new java.io.IOException("No space left on device"))));
    }

    @Test
    void daysOfHourlySummariesFromTheReleaseBeforeAreMovedToHalfHoursWithTheirTotals() throws Exception {
        assertDaysMoved("DROP TABLE history_day_total");
    }

    @Test
    void anUpgradeInterruptedAfterTheTotalsTableWasCreatedResumesAtTheNextStart() throws Exception {
        // H2 committed the CREATE TABLE of the totals, not the rows of the transaction that followed
        assertDaysMoved("DELETE FROM history_day_total", "INSERT INTO history_pending (step) VALUES ('half_hour_days')");
    }

    /** Puts the days back in the hourly form, runs {@code state} and restarts: answers as before. */
    private void assertDaysMoved(String... state) throws Exception {
        String hoursFromRaw = stepped(A, 0, HistoryQuery.NO_END, 3600);
        String dayFromRaw = stepped(A, 0, HistoryQuery.NO_END, 86_400);
        cut.compactHours(HOUR + 4 * 3600);
        cut.summarize(HOUR + 4 * 3600);
        // the release before: one summary per hour, its offset in the day counted in hours, no totals
        try (java.sql.Connection c = cut.database.connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT day_key, hours FROM history_day");
             java.sql.PreparedStatement old = c.prepareStatement("UPDATE history_day SET hours = ? WHERE day_key = ?")) {
            while (rs.next()) {
                long day = HistoryKeys.second(rs.getLong(1));
                List<Bucket> hours = new ArrayList<>();
                Buckets merge = new Buckets(3600, hours::add);
                for (Bucket half : SummaryCodec.decode(day, rs.getBytes(2))) {
                    merge.add(half);
                }
                merge.end();
                // an hour h at offset h in SPAN units is what the hourly form wrote
                List<Bucket> hourlyForm = hours.stream().map(h -> new Bucket(day + (h.start() - day) / 2, h.samples(),
                        h.memoryUsedSum(), h.memoryUsedMax(), h.cpuPercentSum(), h.cpuPercentMax(), h.memoryLimit(),
                        h.cpuLimitPercent(), h.netUp(), h.netDown(), h.deltaUp(), h.deltaDown(),
                        day + (h.start() - day) / 2 + (h.lastTime() - h.start()))).toList();
                old.setBytes(1, SummaryCodec.encode(day, hourlyForm));
                old.setLong(2, rs.getLong(1));
                old.executeUpdate();
            }
            for (String sql : state) {
                s.execute(sql);
            }
        }
        cut.purgeRaw(HOUR + 5 * 3600);
        cut.database.dispose();

        cut = Stores.open(dataDir);
        assertSameFigures(hoursFromRaw, stepped(A, 0, HistoryQuery.NO_END, 3600));
        assertSameFigures(dayFromRaw, stepped(A, 0, HistoryQuery.NO_END, 86_400));
    }
}
