package org.hebergos.dockerlink.container;

import java.util.regex.Pattern;
import org.hebergos.dockerlink.error.BadParameter;

/**
 * A container named the way Docker accepts it — full id, unique id prefix, or name — checked before it
 * goes anywhere near an engine URL.
 */
public record ContainerRef(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{64}");

    /** @throws BadParameter naming {@code id} when missing or not a possible container id or name */
    public static ContainerRef of(String param) {
        if (param == null || param.isBlank()) {
            throw new BadParameter("id", "required");
        }
        if (!SHAPE.matcher(param).matches()) {
            throw new BadParameter("id", "not a container id or name");
        }
        return new ContainerRef(param);
    }

    public boolean isFullId() {
        return FULL_ID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
