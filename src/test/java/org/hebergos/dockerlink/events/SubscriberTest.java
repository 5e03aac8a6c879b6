package org.hebergos.dockerlink.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubscriberTest {

    private final Subscriber cut = new Subscriber(null, null, null, 0, c -> { });

    @Test
    void aClientThatDoesNotKeepUpGetsAResetAndTheStreamEnds() throws InterruptedException {
        for (int i = 0; i < Subscriber.MAX_EVENTS; i++) {
            assertTrue(cut.offer(new Subscriber.Message(i, StreamEvent.CONTAINER, "{}")));
        }
        assertFalse(cut.offer(new Subscriber.Message(Subscriber.MAX_EVENTS, StreamEvent.CONTAINER, "{}")), "one too many");
        Subscriber.Message reset = cut.next(0);
        assertEquals(StreamEvent.RESET, reset.type());
        assertEquals(Subscriber.MAX_EVENTS, reset.id(), "the client may resume from there once it has re-listed");
        assertNull(cut.next(0).type(), "then the end");
        assertFalse(cut.offer(new Subscriber.Message(0, StreamEvent.CONTAINER, "{}")), "nothing more is taken");
    }

    @Test
    void theBufferIsBoundedInCharactersToo() {
        String big = "x".repeat((int) (Subscriber.MAX_CHARS / 2));
        assertTrue(cut.offer(new Subscriber.Message(1, StreamEvent.STATS, big)));
        assertTrue(cut.offer(new Subscriber.Message(2, StreamEvent.STATS, big)));
        assertFalse(cut.offer(new Subscriber.Message(3, StreamEvent.STATS, "{}")));
    }

    @Test
    void silenceIsNullAfterTheWait() throws InterruptedException {
        assertNull(cut.next(10));
    }
}
