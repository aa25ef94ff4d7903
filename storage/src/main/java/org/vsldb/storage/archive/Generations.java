package org.vsldb.storage.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.log.LogReader;
import org.vsldb.storage.snapshot.SnapshotReader;

/**
 * The generations a database directory holds, from its archive and its current files. Log g holds
 * the commits after snapshot g (generation 0 has no snapshot: it follows the empty database), so
 * the state after log g is snapshot g+1.
 */
public final class Generations {
  /**
   * One generation's files.
   *
   * @param generation g
   * @param snapshot the snapshot log g follows, or null when there is none (or g = 0)
   * @param log log g, or null when it is neither archived nor current
   */
  public record Generation(long generation, Path snapshot, Path log) {}

  private final NavigableMap<Long, Generation> byNumber;

  private Generations(NavigableMap<Long, Generation> byNumber) {
    this.byNumber = Collections.unmodifiableNavigableMap(byNumber);
  }

  /** Every generation with a file, in order. */
  public NavigableMap<Long, Generation> all() {
    return byNumber;
  }

  /** Generation {@code g}, or null. */
  public Generation get(long g) {
    return byNumber.get(g);
  }

  /** The one generation of a lone log file, with the snapshot it follows if that is at hand. */
  public static Generations single(Generation g) {
    TreeMap<Long, Generation> one = new TreeMap<>();
    one.put(g.generation(), g);
    return new Generations(one);
  }

  /**
   * Lists {@code files}' generations: {@code archive/database-<g>.db} and {@code .vsl}, and the
   * current snapshot and logs by the generations their headers give. A current file that a
   * checkpoint renames meanwhile is looked for once more.
   */
  public static Generations list(FileSystem fs, DatabaseFiles files) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return listOnce(fs, files);
      } catch (NoSuchFileException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static Generations listOnce(FileSystem fs, DatabaseFiles files) throws IOException {
    TreeMap<Long, Path> snapshots = new TreeMap<>();
    TreeMap<Long, Path> logs = new TreeMap<>();
    if (Files.isDirectory(files.archiveDir())) {
      try (Stream<Path> s = Files.list(files.archiveDir())) {
        for (Path p : (Iterable<Path>) s::iterator) {
          String name = p.getFileName().toString();
          long g = DatabaseFiles.archivedGeneration(name, DatabaseFiles.SNAPSHOT_SUFFIX);
          if (g >= 0) {
            snapshots.put(g, p);
          }
          g = DatabaseFiles.archivedGeneration(name, DatabaseFiles.LOG_SUFFIX);
          if (g >= 0) {
            logs.put(g, p);
          }
        }
      }
    }
    if (fs.exists(files.snapshot())) {
      snapshots.putIfAbsent(SnapshotReader.readHeader(fs, files.snapshot()).generation(), files.snapshot());
    }
    for (Path log : new Path[] {files.previousLog(), files.log()}) {
      if (fs.exists(log)) {
        LogReader.Header h;
        try {
          h = LogReader.readHeader(fs, log);
        } catch (org.vsldb.storage.log.CorruptionException e) {
          if (Files.size(log) <= org.vsldb.storage.log.LogFormat.HEADER_SIZE) {
            continue; // a log whose creation a crash cut short holds no commits
          }
          throw e;
        }
        logs.put(h.generation(), log);
      }
    }
    TreeMap<Long, Generation> all = new TreeMap<>();
    for (long g : snapshots.keySet()) {
      all.put(g, new Generation(g, snapshots.get(g), logs.get(g)));
    }
    for (long g : logs.keySet()) {
      all.putIfAbsent(g, new Generation(g, snapshots.get(g), logs.get(g)));
    }
    return new Generations(all);
  }
}
