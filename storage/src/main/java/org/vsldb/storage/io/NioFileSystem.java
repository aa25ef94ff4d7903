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
    return new ChannelFile(FileChannel.open(file, options));
  }

  @Override
  public DurableFile openReadOnly(Path file) throws IOException {
    return new ChannelFile(FileChannel.open(file, StandardOpenOption.READ));
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

  private static final class ChannelFile implements DurableFile {
    private final FileChannel ch;

    ChannelFile(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return ch.read(dst, position);
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      while (src.hasRemaining()) {
        position += ch.write(src, position);
      }
    }

    @Override
    public void force() throws IOException {
      ch.force(false);
    }

    @Override
    public long size() throws IOException {
      return ch.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      ch.truncate(size);
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
