package org.hebergos.dockerlink.error;

/**
 * The rights git would run with cannot be told safely: the repository's {@code .git} and the git
 * directory it leads to belong to different users, or git would run with root's group without being root.
 */
public class GitUnsafeOwner extends AgentException {

    public GitUnsafeOwner(String reason) {
        super(UnprocessableEntity.STATUS, "git not run: " + reason);
    }
}
