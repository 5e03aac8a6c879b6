package org.hebergos.dockerlink.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hebergos.dockerlink.error.BadParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same verdicts as {@code git check-ref-format --branch}, plus no part starting with '-' and a length cap. */
class BranchNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "dev", "feature/x", "origin/feature/x", "release-1.2", "fix_#12", "a;b", "user@host", "v1.0/rc"})
    void acceptsWhatGitAccepts(String name) {
        assertEquals(name, BranchName.of(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-f", "--orphan=x", "--upload-pack=touch /tmp/x", "main; touch /tmp/x", "../x", "a..b", ".hidden",
            "a/.b", "x.lock", "a/b.lock/c", "end.", "end/", "/start", "a//b", "a b", "a~1", "a^", "a:b", "a?", "a*", "a[b",
            "a\\b", "tab\there", "new\nline", "@", "a@{1}", "HEAD", "origin/-f", "origin/--force", "origin/-b/x", "a/b/-c"})
    void refusesWhatGitRefusesAndOptions(String name) {
        BadParameter e = assertThrows(BadParameter.class, () -> BranchName.of(name));
        assertTrue(e.getMessage().startsWith("branch: "), e.getMessage());
    }

    @Test
    void theLocalPartOfARemoteTrackingNameMustNotLookLikeAnOption() {
        assertEquals("branch: no part may start with '-'", assertThrows(BadParameter.class, () -> BranchName.of("origin/-f")).getMessage());
        assertEquals("origin/a-f", BranchName.of("origin/a-f").value());
    }

    @Test
    void lengthIsCapped() {
        assertEquals(255, BranchName.of("b".repeat(255)).value().length());
        assertThrows(BadParameter.class, () -> BranchName.of("b".repeat(300)));
    }

    @Test
    void isRequired() {
        assertEquals("branch: required", assertThrows(BadParameter.class, () -> BranchName.of(null)).getMessage());
    }

    @Test
    void refsAreSpelledByTheNameNotByItsText() {
        BranchName remote = BranchName.of("origin/feature/x");
        assertEquals("refs/heads/origin/feature/x", remote.localRef());
        assertEquals("refs/remotes/origin/feature/x", remote.remoteTrackingRef());
        assertEquals("refs/remotes/*/origin/feature/x", remote.anyRemotePattern());
        assertEquals("refs/heads/feature/x", remote.localOfRemote().localRef());
        assertEquals(null, BranchName.of("main").localOfRemote());
    }
}
