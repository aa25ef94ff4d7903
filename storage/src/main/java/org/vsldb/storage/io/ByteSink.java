package org.vsldb.storage.io;

import java.util.Arrays;

/** A growable little-endian byte buffer for encoding records. Not thread-safe. */
public final class ByteSink {
  private byte[] buf;
  private int len;

  public ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  public int length() {
    return len;
  }

  public byte[] array() {
    return buf;
  }

  public void reset() {
    len = 0;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public void u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
  }

  public void i16(int v) {
    ensure(2);
    buf[len++] = (byte) v;
    buf[len++] = (byte) (v >>> 8);
  }

  public void i32(int v) {
    ensure(4);
    buf[len++] = (byte) v;
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 24);
  }

  public void i64(long v) {
    i32((int) v);
    i32((int) (v >>> 32));
  }

  public void bytes(byte[] b) {
    i32(b.length);
    raw(b, 0, b.length);
  }

  public void raw(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  public void string(String s) {
    bytes(Wtf8.encode(s));
  }

  /** Overwrites 4 bytes at {@code pos} with {@code v}. */
  public void putI32At(int pos, int v) {
    buf[pos] = (byte) v;
    buf[pos + 1] = (byte) (v >>> 8);
    buf[pos + 2] = (byte) (v >>> 16);
    buf[pos + 3] = (byte) (v >>> 24);
  }
}
