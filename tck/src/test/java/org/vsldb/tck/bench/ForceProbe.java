package org.vsldb.tck.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's raw force rate, two ways: writes of 100 bytes, each followed by {@code force(false)}
 * (an {@code fdatasync}), either appended to the file or written over zeros the file already has.
 * A durable commit needs at least one such round trip, so the faster of the two is the ceiling that
 * commit workloads are held against. Appending also makes the file system commit the file's new
 * size with each force; writing over allocated space does not (vsl's log with
 * {@code durability=full} writes over zeros it preallocated, docs/FORMATS.md).
 */
final class ForceProbe implements AutoCloseable {
  /** The zeros an overwriting probe writes over before it starts again from the beginning. */
  private static final int ZEROS = 32 << 20;

  private final FileChannel ch;
  private final ByteBuffer b = ByteBuffer.allocate(100);
  private final boolean overwrite;
  private long pos;

  /** An appending probe. */
  ForceProbe(Path file) throws IOException {
    this(file, false);
  }

  /** A probe that appends or, with {@code overwrite}, writes over zeros written and forced first. */
  ForceProbe(Path file, boolean overwrite) throws IOException {
    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.overwrite = overwrite;
    if (overwrite) {
      ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
      for (long p = 0; p < ZEROS; p += zeros.capacity()) {
        zeros.clear();
        ch.write(zeros, p);
      }
      ch.force(true);
    }
  }

  /** One write and force: usable as a {@link Harness.Op}. */
  void appendAndForce() throws IOException {
    b.clear();
    if (overwrite && pos + b.remaining() > ZEROS) {
      pos = 0;
    }
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
