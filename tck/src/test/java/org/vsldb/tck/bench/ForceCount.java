package org.vsldb.tck.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vsldb.tck.support.ChildJvm;

/**
 * Counts, with {@code strace}, the forces per commit of each engine's file mode: {@link CommitWorker}
 * runs once with no commits and once with {@code n}, and the difference is divided by {@code n}.
 * A force is an {@code fsync}, {@code fdatasync}, {@code sync_file_range} or {@code msync} call,
 * or a write to a file opened with {@code O_DSYNC} or {@code O_SYNC} (each such write returns only
 * once its data is on disk: this is how vsl forces its log).
 */
final class ForceCount {
  private static final Pattern PID = Pattern.compile("^\\d+\\s+");
  private static final Pattern OPEN_PATH = Pattern.compile("^open(?:at)?\\((?:[^,]*, )?\"([^\"]*)\"");
  private static final Pattern WRITE_PATH = Pattern.compile("^(?:write|pwrite64|writev|pwritev2?)\\(\\d+<([^>]*)>");

  private ForceCount() {}

  /** Whether {@code strace} can be run here. */
  static boolean available() {
    try {
      return new ProcessBuilder("strace", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** Forces per commit of {@code peer} on file, from {@code commits} traced commits. */
  static double perCommit(Peer peer, Path dir, int commits) throws Exception {
    return (forces(peer, dir.resolve("n"), commits) - forces(peer, dir.resolve("zero"), 0)) / (double) commits;
  }

  private static long forces(Peer peer, Path dir, int commits) throws Exception {
    Files.createDirectories(dir);
    Path trace = dir.resolve("strace.txt");
    Process p = new ProcessBuilder("strace", "-f", "-qq", "--seccomp-bpf", "-y", "-s", "300", "-o", trace.toString(),
        "-e", "trace=open,openat,write,pwrite64,writev,pwritev,pwritev2,fsync,fdatasync,sync_file_range,msync",
        ChildJvm.javaExecutable().toString(), "-cp", System.getProperty("java.class.path"),
        CommitWorker.class.getName(), peer.name(), dir.toString(), Integer.toString(commits))
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("traced commits failed: " + Files.readString(dir.resolve("out.txt")));
    }
    return count(Files.readAllLines(trace, StandardCharsets.UTF_8));
  }

  /** The forces in an {@code strace -f -y} trace. */
  static long count(List<String> lines) {
    Set<String> syncPaths = new HashSet<>();
    long n = 0;
    for (String raw : lines) {
      String line = PID.matcher(raw).replaceFirst("");
      if (line.startsWith("fsync(") || line.startsWith("fdatasync(") || line.startsWith("sync_file_range(")
          || line.startsWith("msync(")) {
        n++;
      } else if (line.startsWith("open")) {
        Matcher m = OPEN_PATH.matcher(line);
        if (m.find() && (line.contains("O_DSYNC") || line.contains("O_SYNC"))) {
          syncPaths.add(m.group(1));
        }
      } else {
        Matcher m = WRITE_PATH.matcher(line);
        if (m.find() && opensWithSync(syncPaths, m.group(1))) {
          n++;
        }
      }
    }
    return n;
  }

  /** Whether the file behind a descriptor (strace prints its resolved path) was opened with a sync flag. */
  private static boolean opensWithSync(Set<String> syncPaths, String fdPath) {
    return syncPaths.stream().anyMatch(p -> p.equals(fdPath) || fdPath.endsWith(p));
  }
}
