package org.hebergos.dockerlink.docker;

/**
 * The numeric owner of a file inside a container, as the container sees it.
 *
 * @param uid user id
 * @param gid group id
 */
public record FileOwner(long uid, long gid) {

    /** The {@code uid:gid} form {@code docker exec} takes as its user. */
    public String user() {
        return uid + ":" + gid;
    }
}
