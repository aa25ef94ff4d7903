package org.vsldb.sql.history;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.archive.LogHistory;
import org.vsldb.storage.io.FileSystem;

/**
 * Prints logged changes as readable lines, without opening the database (so it works on one that
 * will not open): {@code timestamp | operation | table | key | value | type}, one line per change,
 * the timestamp in UTC. Given a directory, it prints the archive and the current log; given a log
 * file, that file. The columns are those of {@code VSL_LOG} ({@link LogRows}).
 */
public final class LogLines {
  private LogLines() {}

  /**
   * Prints {@code path}'s changes to {@code out}; reports damage, with its file and offset, to
   * {@code err} after the lines before it. Returns 0, or 1 when the log is damaged or unreadable.
   */
  public static int print(Path path, PrintStream out, PrintStream err) {
    try (LogHistory h = Files.isDirectory(path)
        ? LogHistory.open(FileSystem.DEFAULT, new DatabaseFiles(path), Map.of(), LogHistory.Filter.all())
        : LogHistory.openFile(FileSystem.DEFAULT, path)) {
      for (LogHistory.Entry e = h.next(); e != null; e = h.next()) {
        out.println(line(LogRows.row(e)));
      }
      out.flush();
      return 0;
    } catch (IOException | RuntimeException e) {
      out.flush();
      err.println("vsl: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    }
  }

  /** One row of {@link LogRows} as a line. */
  static String line(Object[] row) {
    String table = row[5] == null ? (row[4] == null ? "" : (String) row[4])
        : row[4] == null ? (String) row[5] : row[4] + "." + row[5];
    return Instant.ofEpochMilli((Long) row[0]) + " | " + row[3] + " | " + table + " | " + text(row[7])
        + " | " + text(row[8]) + " | " + text(row[9]);
  }

  private static String text(Object o) {
    return o == null ? "" : o.toString();
  }
}
