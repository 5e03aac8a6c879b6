package org.hebergos.dockerlink.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole answer written here before any byte of it goes to the client, so the database connection
 * that reads it is given back at the speed of memory and local disk, never at the client's: a client
 * that stops reading then holds a socket, not a connection the sampler needs. Up to
 * {@link #MEMORY_BYTES} stay in memory, the rest goes to a temporary file (readable by the agent's user
 * only) that {@link #close} removes.
 */
final class AnswerSpool extends OutputStream {

    /** A day of raw samples at 10 s (~1.7 MB) goes to the file; a few hundred buckets stay in memory. */
    static final int MEMORY_BYTES = 256 * 1024;

    private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream spilled;

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (spilled == null && memory.size() + length > MEMORY_BYTES) {
            file = Files.createTempFile("hebergos-answer-", ".json");
            spilled = Files.newOutputStream(file);
            memory.writeTo(spilled);
            memory.reset();
        }
        if (spilled == null) {
            memory.write(bytes, offset, length);
        } else {
            spilled.write(bytes, offset, length);
        }
    }

    /** Sends everything written so far to {@code out}. */
    void sendTo(OutputStream out) throws IOException {
        if (spilled == null) {
            memory.writeTo(out);
            return;
        }
        spilled.close();
        Files.copy(file, out);
    }

    /** Removes the temporary file, if one was needed. */
    @Override
    public void close() throws IOException {
        if (spilled != null) {
            spilled.close();
            Files.deleteIfExists(file);
        }
    }
}
