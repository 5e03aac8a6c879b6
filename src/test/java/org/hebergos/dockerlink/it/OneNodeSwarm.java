package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A swarm made for ImageIT and left afterwards, leaving the engine as it was (leaving keeps the
 * docker_gwbridge network that init made: it goes too). Swarm tests of other worktrees on the same
 * engine wait for the lock; an engine already in a swarm someone else made is a failure, not ours
 * to leave.
 */
record OneNodeSwarm(FileChannel lockFile, FileLock lock, boolean gwbridgeExisted) implements AutoCloseable {

    static OneNodeSwarm create() throws IOException {
        FileChannel channel = FileChannel.open(Path.of("/tmp/hebergos-it-swarm.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        try {
            String state = Docker.cli("info", "--format", "{{.Swarm.LocalNodeState}}").strip();
            if (!state.equals("inactive")) {
                fail("the engine is already in a swarm (" + state + "); this test makes and leaves its own"
                        + " (a test run killed midway leaves one: docker swarm leave --force)");
            }
            boolean gwbridge = Docker.attempt("network", "inspect", "docker_gwbridge").code() == 0;
            Docker.cli("swarm", "init", "--advertise-addr", "127.0.0.1");
            return new OneNodeSwarm(channel, lock, gwbridge);
        } catch (RuntimeException | Error e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Docker.attempt("swarm", "leave", "--force");
            if (!gwbridgeExisted) {
                Docker.attempt("network", "rm", "docker_gwbridge");
            }
        } finally {
            lock.release();
            lockFile.close();
        }
    }
}
