package org.vsldb.storage.io;

import java.nio.charset.StandardCharsets;

/**
 * The byte form of a {@code string} in the log and the snapshot ({@code docs/FORMATS.md},
 * "Conventions"): UTF-8, except that a surrogate code unit without its partner, which UTF-8 cannot
 * carry and Java's encoder would turn into {@code ?}, is written as the three bytes UTF-8 would
 * give that code unit as if it were a code point (the generalised UTF-8 known as WTF-8). Every
 * Java string survives; every string that is valid Unicode has its ordinary UTF-8 bytes.
 */
public final class Wtf8 {
  private Wtf8() {}

  public static byte[] encode(String s) {
    if (!hasLoneSurrogate(s)) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    StringBuilder valid = new StringBuilder();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() * 3);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isLone(s, i)) {
        flush(valid, out);
        out.write(0xE0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3F));
        out.write(0x80 | (c & 0x3F));
      } else {
        valid.append(c);
      }
    }
    flush(valid, out);
    return out.toByteArray();
  }

  private static void flush(StringBuilder valid, java.io.ByteArrayOutputStream out) {
    byte[] b = valid.toString().getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
    valid.setLength(0);
  }

  public static String decode(byte[] b) {
    if (!hasSurrogateBytes(b)) {
      return new String(b, StandardCharsets.UTF_8);
    }
    StringBuilder s = new StringBuilder(b.length);
    int start = 0;
    for (int i = 0; i + 2 < b.length; i++) {
      if (isSurrogateLead(b, i)) {
        s.append(new String(b, start, i - start, StandardCharsets.UTF_8));
        s.append((char) (((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F)));
        i += 2;
        start = i + 1;
      }
    }
    s.append(new String(b, start, b.length - start, StandardCharsets.UTF_8));
    return s.toString();
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i)) && isLone(s, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code s.charAt(i)} is a surrogate without its partner. */
  public static boolean isLone(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  /** ED A0..BF: the lead of an encoded surrogate, which valid UTF-8 never holds. */
  private static boolean isSurrogateLead(byte[] b, int i) {
    return (b[i] & 0xFF) == 0xED && (b[i + 1] & 0xE0) == 0xA0;
  }

  private static boolean hasSurrogateBytes(byte[] b) {
    for (int i = 0; i + 2 < b.length; i++) {
      if (isSurrogateLead(b, i)) {
        return true;
      }
    }
    return false;
  }
}
