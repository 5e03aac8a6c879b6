package org.hebergos.dockerlink.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code KEY=value} lines as operators write them in a {@code .env} file: blank lines and
 * {@code #} comments are ignored, an optional {@code export } prefix is dropped, the value runs from the
 * first {@code =} to the end of the line, and a value wrapped in single or double quotes loses them.
 * Unquoted values end at a {@code " #"} comment.
 */
public final class EnvFile {

    private EnvFile() {
    }

    /** Keys are lower-cased, so {@code DOCKER_SOCK=} in the file means {@code docker_sock}. */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a KEY=value line: " + raw);
            }
            values.put(line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT),
                    value(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String value(String text) {
        if (text.length() >= 2) {
            char first = text.charAt(0);
            if ((first == '"' || first == '\'') && text.charAt(text.length() - 1) == first) {
                return text.substring(1, text.length() - 1);
            }
        }
        int comment = text.indexOf(" #");
        return comment >= 0 ? text.substring(0, comment).strip() : text;
    }
}
