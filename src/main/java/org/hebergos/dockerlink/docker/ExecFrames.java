package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.command.FrameReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The output of a {@code docker exec} (non-TTY attach stream), demultiplexed by docker-java's
 * {@link FrameReader} into standard output and the interleaved whole. Reads until the process closes the
 * stream, keeping at most {@code cap} bytes and discarding the rest, so a chatty process never blocks on a
 * full pipe. The reader holds one frame at a time: the engine writes a frame per chunk it copies from the
 * process (through 32 KiB buffers in moby), so memory stays at the cap plus about one frame.
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

    /**
     * Reads {@code stream} to its end. docker-java deprecated {@link FrameReader} in favour of its own
     * callback reading, which runs on a thread it creates ({@link ContainerExec#exec} says why not); the
     * reader is not closed, as closing would close the engine's response, which {@link ExecSession} owns.
     */
    @SuppressWarnings({"deprecation", "resource"})
    ExecFrames read(InputStream stream) throws IOException {
        FrameReader frames = new FrameReader(stream);
        for (Frame frame = frames.readFrame(); frame != null; frame = frames.readFrame()) {
            keep(frame.getStreamType() == StreamType.STDOUT, frame.getPayload());
        }
        return this;
    }

    private void keep(boolean isStdout, byte[] bytes) {
        int room = Math.max(0, cap - combined.size());
        int kept = Math.min(room, bytes.length);
        if (kept < bytes.length) {
            truncated = true;
        }
        combined.write(bytes, 0, kept);
        if (isStdout) {
            stdout.write(bytes, 0, kept);
        }
    }

    ExecResult result(int exitCode) {
        String marker = truncated ? TRUNCATED_MARKER : "";
        return new ExecResult(exitCode, stdout.toString(StandardCharsets.UTF_8) + marker, combined.toString(StandardCharsets.UTF_8) + marker, truncated);
    }
}
