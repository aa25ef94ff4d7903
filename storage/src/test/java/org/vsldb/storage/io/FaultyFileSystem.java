package org.vsldb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FileSystem} for tests that models what survives a crash. Real files hold what was
 * written; the model remembers, per file, the content at its last force, and per directory, the
 * names at its last sync. {@link #crash} rewrites the directory to what a machine would find after
 * losing power: the names of the last sync, each with its last forced content (and, if asked, a
 * random part of what was written after it).
 *
 * <p>Faults are armed by operation count: every write, force, truncate, create, rename, delete
 * and directory sync counts one. {@link #crashAt(int)} makes the n-th operation fail as a crash
 * (and every later one, as the process is gone); {@link #tearAt(int)} writes half of the n-th
 * write before crashing; {@link #failAt(int)} and {@link #diskFullAt(int)} make the n-th
 * operation fail with an I/O error while the file system keeps working.
 */
public final class FaultyFileSystem implements FileSystem {
  /** The exception of an operation at or after a simulated crash. */
  public static final class SimulatedCrash extends IOException {
    SimulatedCrash(String op) {
      super("simulated crash at " + op);
    }
  }

  /** What of the unforced writes survives a crash. */
  public enum Loss {
    /** Only forced bytes survive (power loss, no luck). */
    UNFORCED,
    /** Everything written survives (a killed process: the OS still has it). */
    NOTHING,
    /** Forced bytes plus a random prefix of the unforced ones, the rest as zero pages. */
    RANDOM_PREFIX
  }

  private static final class Node {
    byte[] durable = new byte[0];
  }

  private final Path dir;
  private final FileSystem real = FileSystem.DEFAULT;
  private final Map<Path, Node> names = new HashMap<>();
  private Map<Path, Node> durableNames = new HashMap<>();
  private final AtomicInteger ops = new AtomicInteger();
  private volatile int crashAt = Integer.MAX_VALUE;
  private volatile int tearAt = Integer.MAX_VALUE;
  private volatile int failAt = Integer.MAX_VALUE;
  private volatile int diskFullAt = Integer.MAX_VALUE;
  private volatile boolean crashed;

  /** A model of {@code dir}; files already there count as durable. */
  public FaultyFileSystem(Path dir) throws IOException {
    this.dir = dir.toAbsolutePath();
    if (Files.isDirectory(this.dir)) {
      try (var s = Files.walk(this.dir)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          if (Files.isRegularFile(p)) {
            Node n = new Node();
            n.durable = Files.readAllBytes(p);
            names.put(p, n);
          }
        }
      }
    }
    durableNames = new HashMap<>(names);
  }

  public int operations() {
    return ops.get();
  }

  public void crashAt(int op) {
    crashAt = op;
  }

  public void tearAt(int op) {
    tearAt = op;
  }

  public void failAt(int op) {
    failAt = op;
  }

  public void diskFullAt(int op) {
    diskFullAt = op;
  }

  public boolean crashed() {
    return crashed;
  }

  private synchronized void count(String op) throws IOException {
    if (crashed) {
      throw new SimulatedCrash(op + " (after the crash)");
    }
    int n = ops.incrementAndGet();
    if (n == crashAt) {
      crashed = true;
      throw new SimulatedCrash(op + " (operation " + n + ")");
    }
    if (n == failAt) {
      throw new IOException("injected I/O error at " + op + " (operation " + n + ")");
    }
    if (n == diskFullAt && op.startsWith("write")) {
      throw new IOException("No space left on device (injected at operation " + n + ")");
    }
  }

  private Path key(Path p) {
    return p.toAbsolutePath();
  }

  /**
   * Rewrites the directory to what survives a crash now: the names of the last directory sync,
   * each with its last forced content, plus what {@code loss} keeps of later writes.
   */
  public synchronized void crash(Loss loss, long seed) throws IOException {
    crashed = true;
    Random rnd = new Random(seed);
    Map<Path, byte[]> survivors = new HashMap<>();
    for (Map.Entry<Path, Node> e : durableNames.entrySet()) {
      Node n = e.getValue();
      byte[] content = n.durable;
      Path current = null;
      for (Map.Entry<Path, Node> c : names.entrySet()) {
        if (c.getValue() == n) {
          current = c.getKey();
        }
      }
      if (loss != Loss.UNFORCED && current != null && Files.exists(current)) {
        byte[] written = Files.readAllBytes(current);
        if (loss == Loss.NOTHING) {
          content = written;
        } else if (written.length > content.length && startsWith(written, content)) {
          int keep = content.length + rnd.nextInt(written.length - content.length + 1);
          byte[] c = java.util.Arrays.copyOf(written, keep);
          // zero a random page of what was kept beyond the durable part, as an unwritten page
          if (keep > content.length && rnd.nextBoolean()) {
            int page = (content.length / 4096) * 4096 + 4096 * rnd.nextInt(Math.max(1, (keep - content.length) / 4096 + 1));
            for (int i = Math.max(page, content.length); i < Math.min(keep, page + 4096); i++) {
              c[i] = 0;
            }
          }
          content = c;
        }
      }
      survivors.put(e.getKey(), content);
    }
    try (var s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().equals("database.lock")) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<Path, byte[]> e : survivors.entrySet()) {
      Files.write(e.getKey(), e.getValue());
    }
  }

  private static boolean startsWith(byte[] a, byte[] prefix) {
    return a.length >= prefix.length && java.util.Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public synchronized DurableFile open(Path file, boolean create, boolean syncWrites) throws IOException {
    Path k = key(file);
    if (!names.containsKey(k)) {
      if (!create) {
        throw new java.nio.file.NoSuchFileException(file.toString());
      }
      count("create " + file.getFileName());
      names.put(k, new Node());
    }
    return new FaultyFile(names.get(k), real.open(file, create, syncWrites), syncWrites);
  }

  @Override
  public DurableFile openReadOnly(Path file) throws IOException {
    if (crashed) {
      throw new SimulatedCrash("open " + file.getFileName() + " (after the crash)");
    }
    return real.openReadOnly(file);
  }

  @Override
  public boolean exists(Path file) {
    return real.exists(file);
  }

  @Override
  public synchronized void rename(Path from, Path to) throws IOException {
    count("rename " + from.getFileName() + " -> " + to.getFileName());
    real.rename(from, to);
    Node n = names.remove(key(from));
    names.put(key(to), n == null ? new Node() : n);
  }

  @Override
  public synchronized void link(Path existing, Path link) throws IOException {
    count("link " + existing.getFileName() + " -> " + link.getFileName());
    real.link(existing, link);
    Node n = names.get(key(existing));
    names.put(key(link), n == null ? new Node() : n);
  }

  @Override
  public synchronized void delete(Path file) throws IOException {
    if (!real.exists(file)) {
      return;
    }
    count("delete " + file.getFileName());
    real.delete(file);
    names.remove(key(file));
  }

  @Override
  public synchronized void syncDirectory(Path d) throws IOException {
    count("sync directory");
    real.syncDirectory(d);
    durableNames = new HashMap<>(names);
  }

  @Override
  public void createDirectories(Path d) throws IOException {
    real.createDirectories(d);
  }

  private Path pathOf(Node n) {
    for (Map.Entry<Path, Node> e : names.entrySet()) {
      if (e.getValue() == n) {
        return e.getKey();
      }
    }
    return null;
  }

  private final class FaultyFile implements DurableFile {
    private final Node node;
    private final DurableFile file;
    private final boolean syncWrites;

    FaultyFile(Node node, DurableFile file, boolean syncWrites) {
      this.node = node;
      this.file = file;
      this.syncWrites = syncWrites;
    }

    private void markDurable() throws IOException {
      synchronized (FaultyFileSystem.this) {
        Path p = pathOf(node);
        if (p != null) {
          node.durable = Files.readAllBytes(p);
        }
      }
    }

    private String name() {
      synchronized (FaultyFileSystem.this) {
        Path p = pathOf(node);
        return p == null ? "(deleted file)" : p.getFileName().toString();
      }
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      if (crashed) {
        throw new SimulatedCrash("read (after the crash)");
      }
      return file.read(dst, position);
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      synchronized (FaultyFileSystem.this) {
        if (!crashed && ops.get() + 1 == tearAt) {
          ops.incrementAndGet();
          ByteBuffer half = src.duplicate();
          half.limit(half.position() + half.remaining() / 2);
          file.write(half, position);
          if (syncWrites) {
            markDurable();
          }
          crashed = true;
          throw new SimulatedCrash("torn write of " + name());
        }
      }
      count("write " + name());
      file.write(src, position);
      if (syncWrites) {
        markDurable();
      }
    }

    @Override
    public void force() throws IOException {
      count("force " + name());
      file.force();
      markDurable();
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      count("truncate " + name());
      file.truncate(size);
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }
}
