package org.hebergos.dockerlink.docker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Demultiplexes Docker's attach stream (non-TTY): frames of an 8-byte header — stream type (1 stdout,
 * 2 stderr), three zero bytes, big-endian payload size — then the payload. Reads until the process
 * closes the stream, keeping at most {@code cap} bytes and discarding the rest, so a chatty process
 * never blocks on a full pipe.
 */
final class ExecFrames {

    static final String TRUNCATED_MARKER = "\n[output truncated]\n";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream combined = new ByteArrayOutputStream();
    private final int cap;
    private boolean truncated;

    ExecFrames(int cap) {
        this.cap = cap;
    }

    ExecFrames read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] header = new byte[8];
        byte[] buffer = new byte[8192];
        while (true) {
            try {
                in.readFully(header);
            } catch (EOFException end) {
                return this;
            }
            int type = header[0];
            long remaining = ((header[4] & 0xFFL) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    return this;
                }
                keep(type, buffer, n);
                remaining -= n;
            }
        }
    }

    private void keep(int type, byte[] bytes, int length) {
        int room = Math.max(0, cap - combined.size());
        int kept = Math.min(room, length);
        if (kept < length) {
            truncated = true;
        }
        combined.write(bytes, 0, kept);
        if (type == 1) {
            stdout.write(bytes, 0, kept);
        }
    }

    ExecResult result(int exitCode) {
        String marker = truncated ? TRUNCATED_MARKER : "";
        return new ExecResult(exitCode, stdout.toString(StandardCharsets.UTF_8) + marker, combined.toString(StandardCharsets.UTF_8) + marker, truncated);
    }
}
