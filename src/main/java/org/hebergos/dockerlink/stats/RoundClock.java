package org.hebergos.dockerlink.stats;

/**
 * Counts the rounds the timer never started. A round that runs long (a store that waited, a slow
 * engine) holds up the timer, and an EJB timer fires a late timeout once, not once for each interval
 * missed, so nothing else would notice them. The timer fires on multiples of the interval; a timeout
 * is placed in its interval with a quarter of it to spare either side, so a slightly early or late
 * timeout is not taken for a lost one.
 */
final class RoundClock {

    private long lastSlot = -1;

    /**
     * @return how many timeouts were due between the previous one and this one, at {@code nowMillis},
     *         but never fired
     */
    long fired(long nowMillis, long intervalMillis) {
        long slot = (nowMillis + intervalMillis / 4) / intervalMillis;
        long lost = lastSlot < 0 ? 0 : Math.max(0, slot - lastSlot - 1);
        lastSlot = Math.max(lastSlot, slot);
        return lost;
    }
}
