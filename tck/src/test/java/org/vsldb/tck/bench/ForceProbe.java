package org.vsldb.tck.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's raw force rate: appends of 100 bytes, each followed by {@code force(false)} (an
 * {@code fdatasync}). A durable commit needs at least one such round trip, so this rate is the
 * ceiling that commit workloads are held against.
 */
final class ForceProbe implements AutoCloseable {
  private final FileChannel ch;
  private final ByteBuffer b = ByteBuffer.allocate(100);
  private long pos;

  ForceProbe(Path file) throws IOException {
    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  /** One append and force: usable as a {@link Harness.Op}. */
  void appendAndForce() throws IOException {
    b.clear();
    pos += ch.write(b, pos);
    ch.force(false);
  }

  /** Appends and forces for {@code millis}; returns forces per second. */
  static double rate(Path file, long millis) throws IOException {
    try (ForceProbe p = new ForceProbe(file)) {
      long n = 0;
      long start = System.nanoTime();
      long end = start + millis * 1_000_000;
      while (System.nanoTime() < end) {
        p.appendAndForce();
        n++;
      }
      return n / ((System.nanoTime() - start) / 1e9);
    }
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
