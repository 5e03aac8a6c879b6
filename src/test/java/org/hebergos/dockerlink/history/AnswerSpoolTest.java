package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnswerSpoolTest {

    @Test
    void aLargeAnswerIsSentWholeFromItsFileWhichIsThenRemoved() throws IOException {
        byte[] answer = new byte[3 * AnswerSpool.MEMORY_BYTES + 17];
        new Random(7).nextBytes(answer);
        long filesBefore = spoolFiles();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (AnswerSpool spool = new AnswerSpool()) {
            for (int i = 0; i < answer.length; i += 1000) {
                spool.write(answer, i, Math.min(1000, answer.length - i));
            }
            assertEquals(filesBefore + 1, spoolFiles(), "beyond the memory bound, the answer is in a file");
            spool.sendTo(sent);
        }
        assertArrayEquals(answer, sent.toByteArray());
        assertEquals(filesBefore, spoolFiles(), "removed once sent");
    }

    @Test
    void aSmallAnswerStaysInMemory() throws IOException {
        long filesBefore = spoolFiles();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (AnswerSpool spool = new AnswerSpool()) {
            spool.write('{');
            spool.write("\"1\":2}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(filesBefore, spoolFiles());
            spool.sendTo(sent);
        }
        assertEquals("{\"1\":2}", sent.toString(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static long spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("hebergos-answer-")).count();
        }
    }
}
