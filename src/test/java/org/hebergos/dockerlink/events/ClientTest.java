package org.hebergos.dockerlink.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientTest {

    private final Client cut = new Client(null, null, null, 0, c -> { });

    @Test
    void aClientThatDoesNotKeepUpGetsAResetAndTheStreamEnds() throws InterruptedException {
        for (int i = 0; i < Client.MAX_EVENTS; i++) {
            assertTrue(cut.offer(new Client.Message(i, Published.CONTAINER, "{}")));
        }
        assertFalse(cut.offer(new Client.Message(Client.MAX_EVENTS, Published.CONTAINER, "{}")), "one too many");
        Client.Message reset = cut.next(0);
        assertEquals(Published.RESET, reset.type());
        assertEquals(Client.MAX_EVENTS, reset.id(), "the client may resume from there once it has re-listed");
        assertNull(cut.next(0).type(), "then the end");
        assertFalse(cut.offer(new Client.Message(0, Published.CONTAINER, "{}")), "nothing more is taken");
    }

    @Test
    void theBufferIsBoundedInCharactersToo() {
        String big = "x".repeat((int) (Client.MAX_CHARS / 2));
        assertTrue(cut.offer(new Client.Message(1, Published.STATS, big)));
        assertTrue(cut.offer(new Client.Message(2, Published.STATS, big)));
        assertFalse(cut.offer(new Client.Message(3, Published.STATS, "{}")));
    }

    @Test
    void silenceIsNullAfterTheWait() throws InterruptedException {
        assertNull(cut.next(10));
    }
}
