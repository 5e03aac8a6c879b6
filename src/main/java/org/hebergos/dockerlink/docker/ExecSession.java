package org.hebergos.dockerlink.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.util.function.ToIntFunction;

/**
 * A started {@code docker exec} whose output is still to be read. {@link #collect} blocks until the
 * process ends; {@link #close} from another thread abandons it (the read then fails at once).
 */
public final class ExecSession implements Closeable {

    private final String execId;
    private final DockerHttpClient.Response response;
    private final ToIntFunction<String> exitCode;

    ExecSession(String execId, DockerHttpClient.Response response, ToIntFunction<String> exitCode) {
        this.execId = execId;
        this.response = response;
        this.exitCode = exitCode;
    }

    /** Reads the whole output, keeping at most {@code cap} bytes, then asks the engine for the exit code. */
    public ExecResult collect(int cap) throws IOException {
        ExecFrames frames = new ExecFrames(cap).read(response.getBody());
        return frames.result(exitCode.applyAsInt(execId));
    }

    @Override
    public void close() {
        response.close();
    }
}
