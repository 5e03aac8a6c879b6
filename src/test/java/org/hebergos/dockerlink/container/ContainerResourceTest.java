package org.hebergos.dockerlink.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hebergos.dockerlink.error.BadParameter;
import org.junit.jupiter.api.Test;

class ContainerResourceTest {

    @Test
    void runningFlagIsTrueFalseOrAbsent() {
        assertTrue(ContainerResource.flag("running", "true"));
        assertTrue(ContainerResource.flag("running", "TRUE"));
        assertFalse(ContainerResource.flag("running", "false"));
        assertFalse(ContainerResource.flag("running", null));
        assertEquals("running: expected true or false",
                assertThrows(BadParameter.class, () -> ContainerResource.flag("running", "yes")).getMessage());
    }

    @Test
    void graceSecondsAreBoundedWholeSeconds() {
        assertNull(ContainerResource.graceSeconds(null));
        assertEquals(0, ContainerResource.graceSeconds("0"));
        assertEquals(300, ContainerResource.graceSeconds("300"));
        for (String bad : new String[] {"-1", "301", "1.5", "soon"}) {
            BadParameter e = assertThrows(BadParameter.class, () -> ContainerResource.graceSeconds(bad));
            assertTrue(e.getMessage().startsWith("t: "), e.getMessage());
        }
    }
}
