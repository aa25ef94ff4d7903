package org.vsldb.storage.table;

import java.util.Arrays;

/**
 * An immutable byte string: the stored value of a BINARY or VARBINARY column. It copies the
 * array it is given and the array it hands out, so no caller can change a stored value.
 *
 * <p>Values order as H2 orders binary strings: byte by byte as unsigned numbers (0x80 follows
 * 0x7F), and a proper prefix before the longer string.
 */
public final class Bytes implements Comparable<Bytes> {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The empty byte string. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A byte string holding a copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /**
   * A byte string that takes ownership of {@code bytes}: the caller must not change the array
   * afterwards. For decoders that have just filled a fresh array.
   */
  public static Bytes wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes);
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The byte at {@code i}. */
  public byte byteAt(int i) {
    return bytes[i];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** This byte string followed by zero bytes up to {@code length} (BINARY(n) padding). */
  public Bytes padTo(int length) {
    return length <= bytes.length ? this : new Bytes(Arrays.copyOf(bytes, length));
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The bytes in lower-case hexadecimal, two digits each. */
  @Override
  public String toString() {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
