package org.hebergos.dockerlink.git;

import org.hebergos.dockerlink.error.AgentException;

/**
 * The rights git would run with cannot be told safely: the repository's {@code .git} and the git
 * directory it leads to belong to different users, or git would run with root's group without being root.
 */
public class GitUnsafeOwner extends AgentException {

    public GitUnsafeOwner(String reason) {
        super(UNPROCESSABLE_CONTENT, "git not run: " + reason);
    }
}
