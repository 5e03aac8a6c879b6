package org.hebergos.dockerlink.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {

    @Test
    void readsKeysIgnoringCommentsAndBlankLines() {
        Map<String, String> values = EnvFile.parse(List.of(
                "# a comment", "", "   ", "docker_sock=/var/run/docker.sock", "  # indented comment", "api_token = abc "));
        assertEquals(Map.of("docker_sock", "/var/run/docker.sock", "api_token", "abc"), values);
    }

    @Test
    void stripsMatchingQuotesOnly() {
        Map<String, String> values = EnvFile.parse(List.of(
                "a=\"quoted value\"", "b='single # not a comment'", "c=\"unbalanced", "d=\"\""));
        assertEquals("quoted value", values.get("a"));
        assertEquals("single # not a comment", values.get("b"));
        assertEquals("\"unbalanced", values.get("c"));
        assertEquals("", values.get("d"));
    }

    @Test
    void valueRunsFromTheFirstEqualsSign() {
        assertEquals("abc==def=", EnvFile.parse(List.of("api_token=abc==def=")).get("api_token"));
    }

    @Test
    void inlineCommentEndsAnUnquotedValueButAHashInsideDoesNot() {
        Map<String, String> values = EnvFile.parse(List.of("a=value # comment", "b=pass#word"));
        assertEquals("value", values.get("a"));
        assertEquals("pass#word", values.get("b"));
    }

    @Test
    void exportPrefixAndUpperCaseKeysAreAccepted() {
        Map<String, String> values = EnvFile.parse(List.of("export DOCKER_SOCK=/s"));
        assertEquals(Map.of("docker_sock", "/s"), values);
    }

    @Test
    void aLineWithoutEqualsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnvFile.parse(List.of("docker_sock")));
        assertEquals("not a KEY=value line: docker_sock", e.getMessage());
    }
}
