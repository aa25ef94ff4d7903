package org.vsldb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@link FileSystem} on {@link FileChannel}: {@code force(false)} is fdatasync. */
final class NioFileSystem implements FileSystem {
  @Override
  public DurableFile open(Path file, boolean create, boolean syncWrites) throws IOException {
    java.util.Set<StandardOpenOption> options = java.util.EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (create) {
      options.add(StandardOpenOption.CREATE);
    }
    if (syncWrites) {
      options.add(StandardOpenOption.DSYNC);
    }
    return new ChannelFile(file, options);
  }

  @Override
  public DurableFile openReadOnly(Path file) throws IOException {
    return new ChannelFile(file, java.util.EnumSet.of(StandardOpenOption.READ));
  }

  @Override
  public boolean exists(Path file) {
    return Files.exists(file);
  }

  @Override
  public void rename(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void link(Path existing, Path link) throws IOException {
    Files.deleteIfExists(link);
    try {
      Files.createLink(link, existing);
    } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
      Files.deleteIfExists(link);
      Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel ch = FileChannel.open(link, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory; there the file's own force is all there is.
      if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
        throw e;
      }
    }
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  /**
   * A {@link FileChannel} that survives interrupts of the threads using it: a channel closes
   * itself when a thread blocked in it is interrupted, so the operation reopens it and retries
   * (positional reads, writes and forces are idempotent), then restores the interrupt flag.
   */
  private static final class ChannelFile implements DurableFile {
    @FunctionalInterface
    private interface Op<T> {
      T run(FileChannel ch) throws IOException;
    }

    private final Path path;
    private final java.util.Set<StandardOpenOption> options;
    private volatile FileChannel ch;
    private volatile boolean closed;

    ChannelFile(Path path, java.util.Set<StandardOpenOption> options) throws IOException {
      this.path = path;
      java.util.Set<StandardOpenOption> reopen = java.util.EnumSet.copyOf(options);
      reopen.remove(StandardOpenOption.CREATE);
      this.options = reopen;
      this.ch = FileChannel.open(path, options);
    }

    private <T> T io(Op<T> op) throws IOException {
      boolean interrupted = Thread.interrupted();
      try {
        while (true) {
          FileChannel c = ch;
          try {
            return op.run(c);
          } catch (java.nio.channels.AsynchronousCloseException e) {
            // includes ClosedByInterruptException: this or another thread was interrupted
            interrupted |= Thread.interrupted();
            synchronized (this) {
              if (closed) {
                throw e;
              }
              if (ch == c) {
                ch = FileChannel.open(path, options);
              }
            }
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      int start = dst.position();
      return io(c -> {
        dst.position(start);
        return c.read(dst, position);
      });
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      int start = src.position();
      io(c -> {
        src.position(start);
        long p = position;
        while (src.hasRemaining()) {
          p += c.write(src, p);
        }
        return null;
      });
    }

    @Override
    public void force() throws IOException {
      io(c -> {
        c.force(false);
        return null;
      });
    }

    @Override
    public long size() throws IOException {
      return io(FileChannel::size);
    }

    @Override
    public void truncate(long size) throws IOException {
      io(c -> c.truncate(size));
    }

    @Override
    public synchronized void close() throws IOException {
      closed = true;
      ch.close();
    }
  }
}
