package org.hebergos.dockerlink.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hebergos.dockerlink.error.BadParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"web", "my_site.example-1", "3f2a", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void acceptsIdsPrefixesAndNames(String id) {
        assertEquals(id, ContainerRef.of(id).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "-rf", ".hidden", "a b", "x?y=1", "a;b", "%2e%2e", "é"})
    void refusesAnythingThatIsNotAnIdOrName(String id) {
        BadParameter e = assertThrows(BadParameter.class, () -> ContainerRef.of(id));
        assertEquals("id: not a container id or name", e.getMessage());
    }

    @Test
    void missingIdIsRequired() {
        assertEquals("id: required", assertThrows(BadParameter.class, () -> ContainerRef.of(null)).getMessage());
        assertEquals("id: required", assertThrows(BadParameter.class, () -> ContainerRef.of("")).getMessage());
    }

    @Test
    void tellsFullIdsFromPrefixesAndNames() {
        assertTrue(ContainerRef.of("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").isFullId());
        assertFalse(ContainerRef.of("0123456789ab").isFullId());
    }
}
