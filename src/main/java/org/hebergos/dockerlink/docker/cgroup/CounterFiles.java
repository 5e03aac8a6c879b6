package org.hebergos.dockerlink.docker.cgroup;

/** The files of one cgroup directory by name, so the parsers stay functions of file contents. */
@FunctionalInterface
interface CounterFiles {

    /** The file's content, or null when the directory has no such file. */
    String contentOrNull(String name) throws CgroupUnreadable;

    default String content(String name) throws CgroupUnreadable {
        String content = contentOrNull(name);
        if (content == null) {
            throw new CgroupUnreadable(name, "missing");
        }
        return content;
    }
}
