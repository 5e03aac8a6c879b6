package org.hebergos.dockerlink.docker;

/**
 * What a finished {@code docker exec} produced.
 *
 * @param exitCode  the process's exit code, from exec inspect
 * @param stdout    standard output only (for parsing), ending with the same marker when cut
 * @param output    standard output and error interleaved as they arrived (for people), ending with a
 *                  marker when it went past the cap and the rest was dropped
 * @param truncated whether the output went past the cap: parse {@code stdout} only when it did not
 */
public record ExecResult(int exitCode, String stdout, String output, boolean truncated) {
}
