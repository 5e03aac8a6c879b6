package org.hebergos.dockerlink.history;

import java.nio.charset.StandardCharsets;

/**
 * JSON numbers written as ASCII straight into a byte array, each method returning the index after
 * what it wrote. An answer holds thousands of numbers; these need no String and, for bucket figures, no
 * {@link Double#toString} (whose exact shortest form costs a big-integer computation for most means).
 */
final class JsonNumbers {

    /** Significant digits of a bucket's means and peaks: a byte of a terabyte, 10^-9 of a percent at 100 %. */
    static final int SIGNIFICANT = 12;
    /** The most any method here writes. */
    static final int MAX_LENGTH = 32;

    private static final byte[] ZERO = {'0', '.', '0'};
    private static final double[] POWERS = new double[23];
    private static final long[] LONG_POWERS = new long[19];
    private static final double LOG10_2 = Math.log10(2);

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10; // exact up to 10^22
        }
        LONG_POWERS[0] = 1;
        for (int i = 1; i < LONG_POWERS.length; i++) {
            LONG_POWERS[i] = LONG_POWERS[i - 1] * 10;
        }
    }

    private JsonNumbers() {
    }

    /** A whole number. */
    static int integer(long value, byte[] to, int at) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return ascii(Long.toString(value), to, at);
            }
            to[at++] = '-';
            value = -value;
        }
        int end = at + length(value);
        int i = end;
        while (value >= 100) { // two digits a division
            int pair = (int) (value % 100);
            value /= 100;
            to[--i] = (byte) ('0' + pair % 10);
            to[--i] = (byte) ('0' + pair / 10);
        }
        if (value >= 10) {
            to[--i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        to[--i] = (byte) ('0' + value);
        return end;
    }

    /**
     * {@code bytes / 1024} written exactly: 1/1024 = 0.0009765625, so the fraction is the low ten bits
     * times 9765625 over 10^10. The same value a double division gives, in fewer characters.
     */
    static int kib(long bytes, byte[] to, int at) {
        if (bytes < 0) {
            to[at++] = '-';
            if (bytes == Long.MIN_VALUE) { // -2^63 bytes = -2^53 KiB, and has no positive counterpart
                return integer(1L << 53, to, at);
            }
            bytes = -bytes;
        }
        at = integer(bytes >> 10, to, at);
        long fraction = (bytes & 1023) * 9_765_625L;
        if (fraction == 0) {
            return at;
        }
        to[at++] = '.';
        int digits = 10;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int zeros = digits - length(fraction); zeros > 0; zeros--) {
            to[at++] = '0';
        }
        return integer(fraction, to, at);
    }

    /**
     * A figure to {@link #SIGNIFICANT} significant digits, in the form {@link Double#toString} gives
     * ({@code 25.0}, {@code 0.0469207763672}, {@code 1.16666666667E-8}); figures JSON cannot carry become
     * 0.0, and those below 10^-10 or from 10^7 on, which no bucket of this agent has, are written as
     * {@link #number} does.
     */
    static int significant(double value, byte[] to, int at) {
        double magnitude = Math.abs(value);
        if (!(magnitude >= 1e-10 && magnitude < 1e7)) {
            return number(value, to, at);
        }
        if (value < 0) {
            to[at++] = '-';
        }
        // the power of ten of the first digit, from the binary exponent: right or one too low, and
        // 9.99…95 rounds up to 10.0…0
        int exponent = (int) Math.floor(Math.getExponent(magnitude) * LOG10_2);
        long digits = Math.round(magnitude * POWERS[SIGNIFICANT - 1 - exponent]);
        if (digits >= LONG_POWERS[SIGNIFICANT]) {
            exponent++;
            digits = Math.round(magnitude * POWERS[SIGNIFICANT - 1 - exponent]);
        }
        int length = SIGNIFICANT;
        while (length > 1 && digits % 10 == 0) {
            digits /= 10;
            length--;
        }
        if (exponent < -3) { // d.ddd…E-n
            int end = integer(digits, to, at + 1);
            to[at] = to[at + 1];
            to[at + 1] = '.';
            if (end == at + 2) {
                to[end++] = '0';
            }
            to[end++] = 'E';
            return integer(exponent, to, end);
        }
        int whole = exponent + 1; // digits before the point
        if (whole <= 0) {
            to[at++] = '0';
            to[at++] = '.';
            for (; whole < 0; whole++) {
                to[at++] = '0';
            }
            return integer(digits, to, at);
        }
        if (length <= whole) {
            at = integer(digits, to, at);
            for (; length < whole; length++) {
                to[at++] = '0';
            }
            to[at++] = '.';
            to[at++] = '0';
            return at;
        }
        int end = integer(digits, to, at);
        System.arraycopy(to, at + whole, to, at + whole + 1, end - at - whole);
        to[at + whole] = '.';
        return end + 1;
    }

    /** As {@link Double#toString}, the form raw samples have always had; NaN and infinities become 0.0. */
    static int number(double value, byte[] to, int at) {
        return Double.isFinite(value) ? ascii(Double.toString(value), to, at) : copy(ZERO, to, at);
    }

    private static int ascii(String text, byte[] to, int at) {
        return copy(text.getBytes(StandardCharsets.ISO_8859_1), to, at);
    }

    static int copy(byte[] text, byte[] to, int at) {
        System.arraycopy(text, 0, to, at, text.length);
        return at + text.length;
    }

    /** The number of digits of a non-negative number. */
    private static int length(long value) {
        int length = 1;
        while (length < LONG_POWERS.length && value >= LONG_POWERS[length]) {
            length++;
        }
        return length;
    }
}
