package org.hebergos.dockerlink.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitServiceTest {

    @Test
    void branchNamesAreShortAndSkipSymbolicRefs() {
        String forEachRef = String.join("\n",
                "refs/heads/dev ",
                "refs/heads/feature/x ",
                "refs/heads/main ",
                "refs/remotes/origin/HEAD refs/remotes/origin/main",
                "refs/remotes/origin/dev ",
                "refs/remotes/origin/main ",
                "");
        assertEquals(List.of("dev", "feature/x", "main", "origin/dev", "origin/main"), GitService.branchNames(forEachRef));
    }

    @Test
    void gitRunsWithTheRepositoryTrustedForThisCallAndHooksOff() {
        assertEquals(List.of("git", "-c", "safe.directory=/srv/app", "-c", "core.hooksPath=/dev/null",
                        "-c", "http.lowSpeedLimit=1", "-c", "http.lowSpeedTime=60", "--no-pager", "-C", "/srv/app", "fetch", "--all"),
                GitRunner.argv("/srv/app", 60, List.of("fetch", "--all")));
    }
}
