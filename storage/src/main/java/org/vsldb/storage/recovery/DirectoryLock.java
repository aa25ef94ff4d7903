package org.vsldb.storage.recovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.StoreException.Reason;

/**
 * The OS file lock on {@code database.lock} that makes one process the only writer of a
 * directory (invariant I7). The file holds the holder's process id, for the message a second
 * process gets. A crashed holder's lock is released by the OS, so it is taken over with no user
 * action.
 */
public final class DirectoryLock implements AutoCloseable {
  /** The lock file's name inside a database directory. */
  public static final String FILE_NAME = "database.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or fails with {@link Reason#CANNOT_OPEN} naming the holder. */
  public static DirectoryLock acquire(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = readHolder(ch);
        ch.close();
        throw new StoreException(
            Reason.CANNOT_OPEN,
            "database "
                + dir
                + " is in use by process "
                + holder
                + "; open it with readOnly=true to read it meanwhile");
      }
      byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(pid), 0);
      return new DirectoryLock(ch, lock);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new StoreException(Reason.CANNOT_OPEN, "cannot lock " + file + ": " + e, e);
    }
  }

  private static String readHolder(FileChannel ch) {
    try {
      ByteBuffer b = ByteBuffer.allocate(32);
      int n = ch.read(b, 0);
      String s = n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.US_ASCII).trim();
      return s.isEmpty() ? "(unknown)" : s;
    } catch (IOException e) {
      return "(unknown)";
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // the open already failed; its error is the one reported
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases the lock as well
    }
    closeQuietly(channel);
  }
}
