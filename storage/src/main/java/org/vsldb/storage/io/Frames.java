package org.vsldb.storage.io;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame that wraps every record of the log and every block of the snapshot:
 * {@code length:u32 crc:u32 type:u8 payload[length]}, where {@code crc} is the CRC32C of the four
 * length bytes, the type byte and the payload ({@code docs/FORMATS.md}, "Record frame"). Covering
 * the length lets a reader tell a damaged length field from a record cut short by a crash.
 */
public final class Frames {
  private Frames() {}

  /** Bytes before the payload: length (4) + CRC32C (4) + type (1). */
  public static final int HEADER_SIZE = 4 + 4 + 1;

  /** Starts a frame of {@code type} in {@code out}; returns its start, for {@link #end}. */
  public static int begin(ByteSink out, byte type) {
    int start = out.length();
    out.i32(0); // length, patched by end()
    out.i32(0); // crc, patched by end()
    out.u8(type);
    return start;
  }

  /** Completes the frame started at {@code start}: fills in its length and CRC32C. */
  public static void end(ByteSink out, int start) {
    int payloadLength = out.length() - start - HEADER_SIZE;
    out.putI32At(start, payloadLength);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), start, 4);
    crc.update(out.array(), start + 8, payloadLength + 1);
    out.putI32At(start + 4, (int) crc.getValue());
  }

  /** The CRC32C a frame stores for its length, type and payload. */
  public static int crc(int length, byte type, ByteBuffer payload) {
    CRC32C crc = new CRC32C();
    crc.update(length & 0xFF);
    crc.update((length >>> 8) & 0xFF);
    crc.update((length >>> 16) & 0xFF);
    crc.update((length >>> 24) & 0xFF);
    crc.update(type);
    crc.update(payload.duplicate());
    return (int) crc.getValue();
  }
}
