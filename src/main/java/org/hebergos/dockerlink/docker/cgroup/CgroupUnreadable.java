package org.hebergos.dockerlink.docker.cgroup;

/**
 * A counter file that is missing or says something the reader does not recognise: the container is
 * read through the Engine instead, never given a guessed number. The message names the file.
 */
public final class CgroupUnreadable extends Exception {

    public CgroupUnreadable(String file, String reason) {
        super(file + ": " + reason);
    }

    public CgroupUnreadable(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
