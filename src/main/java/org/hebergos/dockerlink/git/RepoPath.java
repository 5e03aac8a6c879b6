package org.hebergos.dockerlink.git;

import java.util.regex.Pattern;
import org.hebergos.dockerlink.error.BadParameter;

/**
 * The absolute path of a repository inside a container, limited to characters a path needs: letters,
 * digits and {@code / . _ - @ + , = ~}. It is passed to git as one argument, never through a shell, yet
 * shell metacharacters, spaces and {@code ..} parts are refused outright.
 */
public record RepoPath(String value) {

    private static final Pattern SHAPE = Pattern.compile("/[A-Za-z0-9._@+,=~/-]{0,1023}");

    /** @return the path, or null when the parameter is absent (the container's working directory then) */
    public static RepoPath ofOptional(String param) {
        if (param == null || param.isEmpty()) {
            return null;
        }
        if (!param.startsWith("/")) {
            throw new BadParameter("path", "must be absolute");
        }
        if (!SHAPE.matcher(param).matches()) {
            throw new BadParameter("path", "may contain only letters, digits and / . _ - @ + , = ~");
        }
        for (String part : param.split("/")) {
            if (part.equals("..")) {
                throw new BadParameter("path", "must not contain '..'");
            }
        }
        return new RepoPath(param);
    }

    @Override
    public String toString() {
        return value;
    }
}
