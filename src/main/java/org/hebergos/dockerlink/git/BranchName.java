package org.hebergos.dockerlink.git;

import org.hebergos.dockerlink.error.BadParameter;

/**
 * A branch name that passes git's own ref-name rules ({@code git check-ref-format --branch}), none of
 * whose parts starts with {@code -} (so neither it nor the local name of a remote-tracking branch,
 * {@code dev} of {@code origin/dev}, can ever be read as an option) and is at most 255 characters.
 */
public record BranchName(String value) {

    static final int MAX_LENGTH = 255;

    public static BranchName of(String param) {
        if (param == null || param.isEmpty()) {
            throw new BadParameter("branch", "required");
        }
        String problem = problem(param);
        if (problem != null) {
            throw new BadParameter("branch", problem);
        }
        return new BranchName(param);
    }

    /** Why git would refuse {@code name} as a branch, or null when it is fine. */
    static String problem(String name) {
        if (name.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (name.startsWith("-")) {
            return "must not start with '-'";
        }
        if (name.equals("@") || name.equals("HEAD")) {
            return "'" + name + "' is not a branch name";
        }
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            return "must not start or end with '/' or contain '//'";
        }
        if (name.endsWith(".")) {
            return "must not end with '.'";
        }
        if (name.contains("..") || name.contains("@{")) {
            return "must not contain '..' or '@{'";
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) {
                return "must not contain spaces, control characters or any of ~ ^ : ? * [ \\";
            }
        }
        for (String component : name.split("/")) {
            if (component.startsWith(".") || component.endsWith(".lock")) {
                return "no part may start with '.' or end with '.lock'";
            }
            if (component.startsWith("-")) {
                return "no part may start with '-'";
            }
        }
        return null;
    }

    /** The ref of the local branch of this name. */
    String localRef() {
        return "refs/heads/" + value;
    }

    /** The ref of the remote-tracking branch of this name ({@code origin/dev}: {@code refs/remotes/origin/dev}). */
    String remoteTrackingRef() {
        return "refs/remotes/" + value;
    }

    /** For a remote-tracking name ({@code origin/dev}), the local branch it is checked out as ({@code dev}); null without a {@code /}. */
    BranchName localOfRemote() {
        int slash = value.indexOf('/');
        return slash < 0 ? null : new BranchName(value.substring(slash + 1));
    }

    /** The refs a branch of this name would have in any remote ({@code refs/remotes/*}{@code /dev}), as a for-each-ref pattern. */
    String anyRemotePattern() {
        return "refs/remotes/*/" + value;
    }
}
