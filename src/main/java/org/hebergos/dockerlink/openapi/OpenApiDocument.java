package org.hebergos.dockerlink.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document, read once: as written (YAML, comments included) and as JSON.
 */
@ApplicationScoped
public class OpenApiDocument {

    static final String RESOURCE = "openapi.yaml";

    private byte[] yaml;
    private byte[] json;

    @PostConstruct
    void load() {
        yaml = read();
        try {
            json = new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("the packaged " + RESOURCE + " is not valid YAML", e);
        }
    }

    public byte[] yaml() {
        return yaml.clone();
    }

    public byte[] json() {
        return json.clone();
    }

    static byte[] read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the WAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
