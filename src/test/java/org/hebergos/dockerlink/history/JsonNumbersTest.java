package org.hebergos.dockerlink.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    private interface Writing {
        int write(byte[] to, int at);
    }

    /** What a method writes, checked to end where it says (after a prefix, so offsets count). */
    private static String text(Writing writing) {
        byte[] to = new byte[3 + JsonNumbers.MAX_LENGTH];
        to[0] = 'x';
        to[1] = 'y';
        to[2] = 'z';
        int end = writing.write(to, 3);
        return new String(to, 3, end - 3, StandardCharsets.US_ASCII);
    }

    @Test
    void integersAsLongToString() {
        for (long v : new long[] {0, 7, 10, 99, 100, 1795801423, -1, -1024, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(Long.toString(v), text((to, at) -> JsonNumbers.integer(v, to, at)));
        }
    }

    @Test
    void kibibytesAreExactAndShort() {
        assertEquals("0", text((to, at) -> JsonNumbers.kib(0, to, at)));
        assertEquals("1", text((to, at) -> JsonNumbers.kib(1024, to, at)));
        assertEquals("1.265625", text((to, at) -> JsonNumbers.kib(1296, to, at)));
        assertEquals("0.0009765625", text((to, at) -> JsonNumbers.kib(1, to, at)));
        assertEquals("22211.94921875", text((to, at) -> JsonNumbers.kib(22745036, to, at)));
        assertEquals("-1.5", text((to, at) -> JsonNumbers.kib(-1536, to, at)));
        assertEquals("-0.0009765625", text((to, at) -> JsonNumbers.kib(-1, to, at)));
        assertEquals("-9007199254740992", text((to, at) -> JsonNumbers.kib(Long.MIN_VALUE, to, at)));
        for (long bytes : new long[] {1, 7, 1023, 1025, 123_456_789, 987_654_321_987L, Long.MAX_VALUE}) {
            assertEquals(bytes / 1024d, Double.parseDouble(text((to, at) -> JsonNumbers.kib(bytes, to, at))), 0, "same value as the division: " + bytes);
        }
    }

    @Test
    void rawNumbersAreDoubleToStringAndNeverNaNOrInfinity() {
        assertEquals("0.0", text((to, at) -> JsonNumbers.number(Double.NaN, to, at)));
        assertEquals("0.0", text((to, at) -> JsonNumbers.number(Double.POSITIVE_INFINITY, to, at)));
        assertEquals("12.5", text((to, at) -> JsonNumbers.number(12.5, to, at)));
        assertEquals("1.0E-5", text((to, at) -> JsonNumbers.number(1e-5, to, at)));
        assertEquals("-2.2250738585072014E-308", text((to, at) -> JsonNumbers.number(-Double.MIN_NORMAL, to, at)));
    }

    @Test
    void significantDigits() {
        assertEquals("25.0", significant(25));
        assertEquals("0.25", significant(0.25));
        assertEquals("100.0", significant(100));
        assertEquals("1000000.0", significant(1e6));
        assertEquals("9999999.99999", significant(9999999.99999));
        assertEquals("0.001", significant(0.001));
        assertEquals("0.00123456789012", significant(0.001234567890123456));
        assertEquals("12.3456", significant(12.3456));
        assertEquals("1.66666666667", significant(5 / 3d));
        assertEquals("0.0469207763672", significant(50_380_800 / (double) (1L << 30)));
        assertEquals("10.0", significant(9.9999999999999));
        assertEquals("1.0", significant(0.99999999999999));
        assertEquals("-3.5", significant(-3.5));
        // below 10^-3, as Double.toString writes them
        assertEquals("5.0E-4", significant(0.0005));
        assertEquals("1.16666666667E-8", significant(0.0001 / 8640 * 1.008));
        assertEquals("1.0E-10", significant(1e-10));
        assertEquals("9.99999999999E-4", significant(0.000999999999999));
        assertEquals("0.001", significant(0.00099999999999999));
        // outside 10^-10 .. 10^7 and not finite: as raw figures are written
        assertEquals("0.0", significant(0));
        assertEquals("1.0E7", significant(1e7));
        assertEquals("1.0E-11", significant(1e-11));
        assertEquals("0.0", significant(Double.NaN));
    }

    @Test
    void significantDigitsAreTheFigureRoundedTo12() {
        Random random = new Random(9);
        for (int i = 0; i < 100_000; i++) {
            double value = Math.pow(10, random.nextDouble() * 17 - 10);
            double written = Double.parseDouble(significant(value));
            assertEquals(value, written, value * 5.0000001e-12, () -> "for " + value);
            String digits = significant(value).replaceFirst("E.*", "").replace(".", "").replaceFirst("^0+", "");
            assertEquals(true, digits.length() <= JsonNumbers.SIGNIFICANT + 1, () -> value + " → " + significant(value));
        }
        for (int e = -10; e < 7; e++) {
            double power = Math.pow(10, e);
            assertEquals(power, Double.parseDouble(significant(power)), () -> "10^" + power);
            assertEquals(Math.nextDown(power), Double.parseDouble(significant(Math.nextDown(power))), power * 1e-12);
        }
    }

    private static String significant(double value) {
        return text((to, at) -> JsonNumbers.significant(value, to, at));
    }
}
