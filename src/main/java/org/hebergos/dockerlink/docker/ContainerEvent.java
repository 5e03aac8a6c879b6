package org.hebergos.dockerlink.docker;

/**
 * One container event of the engine, as the engine sent it (no call made to complete it).
 *
 * @param id        full id
 * @param action    {@code create}, {@code start}, {@code restart}, {@code die}, {@code pause}, {@code unpause},
 *                  {@code rename}, {@code update} or {@code destroy}
 * @param name      the container's name (its new name for {@code rename}), without a leading {@code /}
 * @param exitCode  for {@code die}
 * @param timeNanos when it happened, unix nanoseconds
 */
public record ContainerEvent(String id, String action, String name, Integer exitCode, long timeNanos) {

    /** Told of the engine's container events, in the engine's order, for the containers in scope. */
    public interface Listener {

        void event(ContainerEvent event);

        /** The event stream broke: events may have been missed until it is watched again. */
        void lost();
    }
}
