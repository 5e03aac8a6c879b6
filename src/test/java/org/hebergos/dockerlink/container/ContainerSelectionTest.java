package org.hebergos.dockerlink.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hebergos.dockerlink.docker.ContainerInfo;
import org.junit.jupiter.api.Test;

class ContainerSelectionTest {

    private static final ContainerInfo WEB = container("aaaa1111" + "0".repeat(56), "web");
    private static final ContainerInfo DB = container("aaaa2222" + "0".repeat(56), "db");
    private static final ContainerInfo NAMED_LIKE_ID = container("bbbb" + "0".repeat(60), "aaaa2");

    private static ContainerInfo container(String id, String name) {
        return new ContainerInfo(id, name, "hebergos-test/busybox:1", "exited", 0, null);
    }

    private static List<ContainerInfo> select(String... refs) {
        return ContainerSelection.select(List.of(WEB, DB, NAMED_LIKE_ID), java.util.Arrays.stream(refs).map(ContainerRef::of).toList());
    }

    @Test
    void resolvesFullIdsNamesAndUniquePrefixes() {
        assertEquals(List.of(WEB, DB), select(WEB.id(), "db"));
        assertEquals(List.of(WEB), select("aaaa1"));
    }

    @Test
    void anExactNameWinsOverAPrefix() {
        assertEquals(List.of(NAMED_LIKE_ID), select("aaaa2"));
    }

    @Test
    void ambiguousAndUnknownReferencesMatchNothing() {
        assertEquals(List.of(), select("aaaa", "nope"));
    }

    @Test
    void aContainerNamedTwiceAppearsOnce() {
        assertEquals(List.of(WEB), select("web", WEB.id(), "aaaa1"));
    }
}
