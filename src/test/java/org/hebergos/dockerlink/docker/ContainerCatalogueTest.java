package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContainerCatalogueTest {

    @Test
    void nameDropsTheLeadingSlashAndSkipsLinkAliases() {
        assertEquals("web", ContainerCatalogue.name(new String[] {"/proxy/web-link", "/web"}));
        assertEquals("db", ContainerCatalogue.name(new String[] {"/db"}));
        assertEquals("", ContainerCatalogue.name(new String[0]));
    }
}
