package org.hebergos.dockerlink.error;

/** The container has no git executable on its PATH. */
public class GitMissing extends AgentException {

    public GitMissing(String id) {
        super(UnprocessableEntity.STATUS, "git is not installed in container " + id);
    }
}
