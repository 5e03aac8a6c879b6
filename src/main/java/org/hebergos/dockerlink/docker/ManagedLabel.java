package org.hebergos.dockerlink.docker;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code managed_label} scope: {@code key} (any value) or {@code key=value}. When set, a container
 * without it does not exist for the agent; when not set, every container does.
 */
record ManagedLabel(String key, String value) {

    static final ManagedLabel EVERY_CONTAINER = new ManagedLabel(null, null);

    /** @param setting {@code managed_label} as {@code Settings} checked it (a key before any {@code =}) */
    static ManagedLabel of(Optional<String> setting) {
        if (setting.isEmpty()) {
            return EVERY_CONTAINER;
        }
        String text = setting.get();
        int equals = text.indexOf('=');
        return equals < 0 ? new ManagedLabel(text, null) : new ManagedLabel(text.substring(0, equals), text.substring(equals + 1));
    }

    boolean scoped() {
        return key != null;
    }

    boolean admits(Map<String, String> labels) {
        if (key == null) {
            return true;
        }
        if (labels == null || !labels.containsKey(key)) {
            return false;
        }
        return value == null || value.equals(labels.get(key));
    }
}
