package org.vsldb.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.vsldb.storage.io.DurableFile;
import org.vsldb.storage.io.Frames;

/**
 * The end of a log: at a frame that is not a good record, whether the rest of the file is a torn
 * tail (I3), which {@link LogReader} cuts off, or damage (I4), which it reports. The rules of each
 * format version are those of {@code docs/FORMATS.md}, "Reading: the end of the log", as
 * {@link LogReader}'s class comment lists them; these functions read the file directly, past the
 * reader's buffer.
 */
final class EndOfLog {
  private EndOfLog() {}

  private static final long WINDOW = LogFormat.WRITE_WINDOW;

  /**
   * Version 3: the frame at {@code pos} is not a good record; returns if the rest of the file is
   * a torn tail, else throws (the rules of the class comment). {@code frameEnd} is the end of the
   * frame when its length fits the file, else -1.
   */
  static void endOfVersion3(Path file, DurableFile ch, long pos, long frameEnd, int storedCrc, byte type)
      throws IOException {
    long size = ch.size();
    long window = Math.min(size, pos + WINDOW);
    long beyond = firstNonZero(ch, window, size);
    if (beyond >= 0) {
      throw new CorruptionException(file, pos, "damaged record, followed by further data at offset " + beyond);
    }
    long last = lastNonZero(ch, pos, window);
    if (last < 0) {
      return; // zeros only: the end of the log, or a write that left nothing
    }
    long good = findGoodRecord(ch, pos + 1, last + 1, 1);
    if (good >= 0) {
      if (zeroPagePart(ch, pos, good)) {
        return; // a page of the last write never reached the disk, a later one did
      }
      throw new CorruptionException(file, pos, "damaged record, followed by a good record at offset " + good);
    }
    long corrected = last - pos - LogFormat.FRAME_SIZE;
    if (corrected >= 0 && corrected <= LogFormat.MAX_PAYLOAD && byteAt(ch, last) == LogFormat.RECORD_END) {
      ByteBuffer rest = ByteBuffer.allocate((int) corrected);
      ch.readFully(rest, pos + LogFormat.FRAME_SIZE);
      rest.flip();
      if (Frames.crc((int) corrected, type, rest) == storedCrc && corrected != frameEnd - pos - LogFormat.FRAME_SIZE - 1) {
        throw new CorruptionException(file, pos, "damaged record length field");
      }
    }
    if (frameEnd < 0) {
      return; // a frame header the last write left unfinished
    }
    if (last < frameEnd - 1 || zeroPagePart(ch, pos, frameEnd)) {
      return; // its last bytes, or its part of a page, never written
    }
    throw new CorruptionException(file, pos, "record checksum mismatch");
  }

  /** Whether a good record (of version 3) starts at {@code pos} now. */
  static boolean goodRecordAt(DurableFile ch, long pos) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(LogFormat.FRAME_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    ch.readFully(h, pos);
    if (h.position() < LogFormat.FRAME_SIZE) {
      return false;
    }
    int length = h.getInt(0);
    long size = ch.size();
    if (length <= 0 || length > LogFormat.MAX_PAYLOAD || pos + LogFormat.FRAME_SIZE + length + 1 > size) {
      return false;
    }
    ByteBuffer payload = ByteBuffer.allocate(length + 1);
    ch.readFully(payload, pos + LogFormat.FRAME_SIZE);
    if (payload.position() < length + 1 || payload.get(length) != LogFormat.RECORD_END) {
      return false;
    }
    payload.flip().limit(length);
    return Frames.crc(length, h.get(8), payload) == h.getInt(4);
  }

  private static byte byteAt(DurableFile ch, long pos) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1);
    ch.readFully(b, pos);
    return b.get(0);
  }

  /**
   * Whether the part in [from, to) of some aligned 4096-byte page is all zero: a page of the last
   * write that never reached the disk, which a changed bit cannot make.
   */
  private static boolean zeroPagePart(DurableFile ch, long from, long to) throws IOException {
    for (long page = from / PAGE * PAGE; page < to; page += PAGE) {
      if (allZero(ch, Math.max(page, from), Math.min(page + PAGE, to))) {
        return true;
      }
    }
    return false;
  }

  /** A page of zeros to compare with: {@link Arrays#mismatch} compares eight or more bytes at a time. */
  private static final byte[] ZEROS = new byte[64 * 1024];

  /** The offset of the first byte in [from, to) that is not zero, or -1. */
  private static long firstNonZero(DurableFile ch, long from, long to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(ZEROS.length);
    for (long p = from; p < to; ) {
      b.clear().limit((int) Math.min(b.capacity(), to - p));
      ch.readFully(b, p);
      int n = b.position();
      if (n == 0) {
        break;
      }
      int i = Arrays.mismatch(b.array(), 0, n, ZEROS, 0, n);
      if (i >= 0) {
        return p + i;
      }
      p += n;
    }
    return -1;
  }

  /** The offset of the last byte in [from, to) that is not zero, or -1. */
  private static long lastNonZero(DurableFile ch, long from, long to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(ZEROS.length);
    for (long end = to; end > from; ) {
      long start = Math.max(from, end - b.capacity());
      b.clear().limit((int) (end - start));
      ch.readFully(b, start);
      int n = b.position();
      if (Arrays.mismatch(b.array(), 0, n, ZEROS, 0, n) >= 0) {
        for (int i = n - 1; i >= 0; i--) {
          if (b.get(i) != 0) {
            return start + i;
          }
        }
      }
      end = start;
    }
    return -1;
  }

  /** Rule 3: a length that runs past the end is torn unless the evidence says damaged. */
  static void checkRunPastEnd(Path file, DurableFile ch, long pos, long size, int storedCrc, byte type)
      throws IOException {
    long available = size - pos - LogFormat.FRAME_SIZE;
    if (available >= 0 && available <= LogFormat.MAX_PAYLOAD) {
      ByteBuffer rest = ByteBuffer.allocate((int) available);
      ch.readFully(rest, pos + LogFormat.FRAME_SIZE);
      rest.flip();
      if (Frames.crc((int) available, type, rest) == storedCrc) {
        throw new CorruptionException(file, pos, "damaged record length field");
      }
    }
    long next = findGoodRecord(ch, pos + 1, size, 0);
    if (next >= 0) {
      throw new CorruptionException(file, pos,
          "damaged record, followed by a good record at offset " + next);
    }
  }

  /** Rule 4: a complete record with a bad checksum is torn only if a crash can explain it. */
  static void checkBadChecksum(Path file, DurableFile ch, long pos, long end, long size)
      throws IOException {
    requireZeros(file, ch, end, pos, "record checksum mismatch");
    long boundary = ((pos + LogFormat.FRAME_SIZE + PAGE - 1) / PAGE) * PAGE;
    if (boundary < end && allZero(ch, boundary, end)) {
      return; // the record's last pages were never written: torn
    }
    throw new CorruptionException(file, pos, "record checksum mismatch");
  }

  private static final long PAGE = 4096;

  /** Requires every byte from {@code from} to the end of the file to be zero (I3), else I4. */
  static void requireZeros(Path file, DurableFile ch, long from, long badAt, String reason)
      throws IOException {
    long data = firstNonZero(ch, from, ch.size());
    if (data >= 0) {
      throw new CorruptionException(file, badAt, reason + ", followed by further data at offset " + data);
    }
  }

  private static boolean allZero(DurableFile ch, long from, long to) throws IOException {
    return firstNonZero(ch, from, to) < 0;
  }

  /**
   * The offset of the first good record (a frame whose CRC32C matches, followed by its end byte
   * when {@code trailer} is 1) at or after {@code from} and ending by {@code size}, or -1. Only
   * runs when a frame is bad, to tell damage from a torn tail; it reads at most the last 256 MiB
   * before {@code size}.
   */
  static long findGoodRecord(DurableFile ch, long from, long size, int trailer) throws IOException {
    long start = Math.max(from, size - (256L << 20));
    int n = (int) (size - start);
    if (n < LogFormat.FRAME_SIZE) {
      return -1;
    }
    ByteBuffer all = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    ch.readFully(all, start);
    all.flip();
    for (int off = 0; off + LogFormat.FRAME_SIZE <= all.limit(); off++) {
      int length = all.getInt(off);
      if (length <= 0 || length > all.limit() - off - LogFormat.FRAME_SIZE - trailer) {
        continue;
      }
      byte type = all.get(off + 8);
      if (type != LogFormat.TYPE_TRANSACTION
          || (trailer > 0 && all.get(off + LogFormat.FRAME_SIZE + length) != LogFormat.RECORD_END)) {
        continue;
      }
      ByteBuffer payload = all.duplicate();
      payload.position(off + LogFormat.FRAME_SIZE).limit(off + LogFormat.FRAME_SIZE + length);
      if (Frames.crc(length, type, payload.slice()) == all.getInt(off + 4)) {
        return start + off;
      }
    }
    return -1;
  }
}
