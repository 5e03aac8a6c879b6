package org.hebergos.dockerlink.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hebergos.dockerlink.error.BadParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/srv/app", "/var/www/site-1.example.com", "/home/u/repo.git", "/a/b_c/d@e+f,g=h~i"})
    void acceptsAbsolutePaths(String path) {
        assertEquals(path, RepoPath.ofOptional(path).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"srv/app", "/srv/app;touch /tmp/x", "/srv/$(id)", "/srv/`id`", "/srv/a b", "/srv/a\nb", "/srv/a\u0000b",
            "/srv/../etc", "/srv/..", "/srv/'x'", "/srv/\"x\"", "/srv/a|b", "/srv/a&b", "/srv/a>b"})
    void refusesRelativePathsAndShellCharacters(String path) {
        BadParameter e = assertThrows(BadParameter.class, () -> RepoPath.ofOptional(path));
        assertTrue(e.getMessage().startsWith("path: "), e.getMessage());
    }

    @Test
    void absentMeansTheWorkingDirectory() {
        assertNull(RepoPath.ofOptional(null));
        assertNull(RepoPath.ofOptional(""));
    }
}
