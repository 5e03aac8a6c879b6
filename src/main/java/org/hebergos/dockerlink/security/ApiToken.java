package org.hebergos.dockerlink.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.hebergos.dockerlink.config.Settings;

/** The configured {@code api_token} and the one way to check an {@code Authorization} header against it. */
@ApplicationScoped
public class ApiToken {

    private static final String PREFIX = "Bearer ";

    @Inject
    Settings settings;

    public boolean configured() {
        return settings.apiToken().isPresent();
    }

    /** Whether the header is {@code Bearer <api_token>}; always false when no token is configured. */
    public boolean accepts(String authorization) {
        return settings.apiToken().map(token -> authorized(authorization, token)).orElse(false);
    }

    /** Compares digests so the time taken says nothing about the token, not even its length. */
    static boolean authorized(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        String presented = header.substring(PREFIX.length()).strip();
        return MessageDigest.isEqual(sha256(presented), sha256(token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
