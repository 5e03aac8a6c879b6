package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExecFramesTest {

    private static void frame(ByteArrayOutputStream out, int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int n = payload.length;
        out.writeBytes(new byte[] {(byte) stream, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        out.writeBytes(payload);
    }

    @Test
    void splitsStdoutFromStderrAndKeepsArrivalOrder() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame(stream, 1, "out 1\n");
        frame(stream, 2, "err 1\n");
        frame(stream, 1, "out 2\n");
        ExecResult r = new ExecFrames(1024).read(new ByteArrayInputStream(stream.toByteArray())).result(0);
        assertEquals("out 1\nout 2\n", r.stdout());
        assertEquals("out 1\nerr 1\nout 2\n", r.output());
        assertFalse(r.output().endsWith(ExecFrames.TRUNCATED_MARKER));
    }

    @Test
    void aFrameLargerThanTheReadBufferIsReadWhole() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        String big = "x".repeat(100_000);
        frame(stream, 1, big);
        frame(stream, 2, "tail");
        ExecResult r = new ExecFrames(1 << 20).read(new ByteArrayInputStream(stream.toByteArray())).result(0);
        assertEquals(big, r.stdout());
        assertTrue(r.output().endsWith("tail"));
    }

    @Test
    void outputPastTheCapIsDroppedAndMarked() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame(stream, 1, "0123456789");
        frame(stream, 2, "abcdef");
        ExecResult r = new ExecFrames(12).read(new ByteArrayInputStream(stream.toByteArray())).result(3);
        assertEquals("0123456789ab" + ExecFrames.TRUNCATED_MARKER, r.output());
        assertEquals("0123456789" + ExecFrames.TRUNCATED_MARKER, r.stdout(), "a cut stdout says so too");
        assertTrue(r.truncated());
        assertEquals(3, r.exitCode());
    }

    @Test
    void aStreamCutMidFrameEndsCleanly() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frame(stream, 1, "complete\n");
        stream.writeBytes(new byte[] {1, 0, 0});
        ExecResult r = new ExecFrames(1024).read(new ByteArrayInputStream(stream.toByteArray())).result(0);
        assertEquals("complete\n", r.stdout());
    }
}
