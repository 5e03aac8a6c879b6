package org.hebergos.dockerlink.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
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
    void theEnvironmentOverridesTransportCommandsOfTheRepositoryConfig() {
        assertTrue(GitRunner.ENVIRONMENT.contains("GIT_ALLOW_PROTOCOL=file:git:http:https:ssh"), "no ext:: and no other remote helper");
        assertTrue(GitRunner.ENVIRONMENT.contains("GIT_PROXY_COMMAND="), "an empty value wins over core.gitProxy");
        assertTrue(GitRunner.ENVIRONMENT.stream().anyMatch(e -> e.startsWith("GIT_SSH_COMMAND=ssh ")), "wins over core.sshCommand");
        assertTrue(GitRunner.ENVIRONMENT.contains("GIT_ASKPASS="), "an empty value wins over core.askPass");
    }

    @Test
    void configKeysAreReadFromNullTerminatedEntriesWhateverTheValuesHold() {
        String output = "remote.origin.uploadpack\nid >/tmp/p; git-upload-pack\0"
                + "remote.we ird.uploadpack\nline one\nline two\0"
                + "core.alternaterefscommand\nx\0";
        assertEquals(List.of("remote.origin.uploadpack", "remote.we ird.uploadpack", "core.alternaterefscommand"), GitRunner.configKeys(output));
        assertEquals(List.of(), GitRunner.configKeys(""));
    }

    @Test
    void fetchRefusesExactlyTheCommandKeysNoOverrideReaches() {
        Pattern refused = Pattern.compile(GitService.FETCH_COMMANDS);
        for (String key : List.of("remote.origin.uploadpack", "remote.a.b.uploadpack", "core.alternaterefscommand")) {
            assertTrue(refused.matcher(key).find(), key);
        }
        for (String key : List.of("remote.origin.url", "remote.origin.receivepack", "core.fsmonitor", "credential.helper", "uploadpack.allowfilter")) {
            assertFalse(refused.matcher(key).find(), key);
        }
    }
}
