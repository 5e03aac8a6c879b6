package org.hebergos.dockerlink.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Loads the configuration once per deployment from {@code $HEBERGOS_ENV}, or {@code ./.env} in the
 * server's working directory, and hands it out as {@link Settings}.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    private Settings settings;

    @PostConstruct
    void load() {
        Path file = Path.of(System.getenv().getOrDefault("HEBERGOS_ENV", ".env")).toAbsolutePath();
        settings = Settings.from(read(file), System::getenv);
        LOG.info(() -> "configuration from " + file + (Files.exists(file) ? "" : " (absent: environment only)")
                + "; docker at " + settings.dockerHost().orElse("(docker_sock not set)")
                + "; stats every " + settings.statsInterval().toSeconds() + " s into "
                + settings.statsDataSource().orElse(settings.dataDir().toString()));
        if (settings.apiToken().isEmpty()) {
            LOG.severe("api_token is not set in " + file + " nor in API_TOKEN: every v1/ call will be refused");
        }
    }

    @Produces
    public Settings settings() {
        return settings;
    }

    private static Map<String, String> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            return EnvFile.parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file, e);
        }
    }
}
