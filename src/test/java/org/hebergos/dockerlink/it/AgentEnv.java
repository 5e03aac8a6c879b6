package org.hebergos.dockerlink.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .env} of an agent a test deploys into a server of its own: the settings of src/test/it-env/agent.env
 * that are not about one agent's files (engine, token, sampling, {@code managed_label}) plus its own lines.
 */
final class AgentEnv {

    private AgentEnv() {
    }

    /** Writes {@code target/it/NAME/agent.env} and returns its path. */
    static Path write(String name, String... lines) {
        List<String> all = new ArrayList<>(List.of("docker_sock=/var/run/docker.sock", "api_token=" + Agent.TOKEN, "stats_interval=2s",
                "managed_label=" + Docker.LABEL));
        all.addAll(List.of(lines));
        Path file = Path.of(System.getProperty("it.dir", "target/it"), name, "agent.env").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
