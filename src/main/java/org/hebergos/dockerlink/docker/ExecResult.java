package org.hebergos.dockerlink.docker;

/**
 * What a finished {@code docker exec} produced.
 *
 * @param exitCode  the process's exit code, from exec inspect
 * @param stdout    standard output only (for parsing)
 * @param output    standard output and error interleaved as they arrived (for people)
 * @param truncated true when output went past the cap and the rest was dropped
 */
public record ExecResult(int exitCode, String stdout, String output, boolean truncated) {
}
