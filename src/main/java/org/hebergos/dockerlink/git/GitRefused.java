package org.hebergos.dockerlink.git;

import java.util.List;
import org.hebergos.dockerlink.error.AgentException;

/** The repository's config names a command git would run and that the agent cannot switch off, so git is not run at all. */
public class GitRefused extends AgentException {

    public GitRefused(String path, List<String> keys) {
        super(UNPROCESSABLE_CONTENT, "git not run: the config of " + path + " sets " + String.join(", ", keys)
                + ", a command git would run on fetch");
    }
}
