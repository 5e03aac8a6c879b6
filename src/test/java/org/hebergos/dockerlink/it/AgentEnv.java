package org.hebergos.dockerlink.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code .env} of an agent a test starts in a server of its own: the tests' one configuration,
 * src/test/it-env/agent.env (the Arquillian agent's, copied to {@code target/it/} by Maven), with a data
 * directory of its own, changed by key where a test needs another value.
 */
final class AgentEnv {

    private final Map<String, String> values;

    private AgentEnv(Map<String, String> values) {
        this.values = values;
    }

    /** The tests' configuration with {@code data_dir} set to {@code target/it/NAME/data}. */
    static AgentEnv of(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : read(dir().resolve("agent.env"))) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        values.put("data_dir", dir().resolve(name).resolve("data").toAbsolutePath().toString());
        return new AgentEnv(values);
    }

    /** This configuration with {@code key} (a {@code .env} key) set to {@code value}. */
    AgentEnv with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(key, value);
        return new AgentEnv(changed);
    }

    /** This configuration without {@code key}: the agent's default, or nothing for a required key. */
    AgentEnv without(String key) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.remove(key);
        return new AgentEnv(changed);
    }

    /** Writes {@code target/it/NAME/agent.env} and returns its absolute path. */
    Path write(String name) {
        Path file = dir().resolve(name).resolve("agent.env").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static Path dir() {
        return Path.of(System.getProperty("it.dir", "target/it"));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": run the integration tests with 'mvn verify' (it copies src/test/it-env/)", e);
        }
    }
}
