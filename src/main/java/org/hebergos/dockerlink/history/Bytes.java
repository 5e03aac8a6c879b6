package org.hebergos.dockerlink.history;

import java.io.ByteArrayOutputStream;

/** The byte-level primitives of the compact encodings ({@link SampleCodec}, {@link SummaryCodec}). */
final class Bytes {

    private Bytes() {
    }

    static class Out extends ByteArrayOutputStream {

        Out(int size) {
            super(size);
        }

        /** Non-negative figures: plain varints, seven bits a byte, low bits first. */
        void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            write((int) value);
        }

        /** Figures of either sign: zigzag, then a varint. */
        void signed(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        /** Eight bytes, low first. */
        void raw(long value) {
            for (int i = 0; i < 8; i++) {
                write((int) (value >>> (8 * i)) & 0xFF);
            }
        }
    }

    static class In {

        private final byte[] in;
        private int at;

        In(byte[] in) {
            this.in = in;
        }

        int nextByte() {
            return in[at++] & 0xFF;
        }

        long varint() {
            byte b = in[at++];
            if (b >= 0) { // most figures fit in one byte
                return b;
            }
            long value = b & 0x7F;
            for (int shift = 7; ; shift += 7) {
                b = in[at++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        long signed() {
            long zigzag = varint();
            return (zigzag >>> 1) ^ -(zigzag & 1);
        }

        long raw() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) nextByte() << (8 * i);
            }
            return value;
        }
    }
}
