package org.vsldb.tck.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/**
 * The shell's planner preload ({@code PlannerPreload}) initialises Calcite's classes on a
 * background thread while the shell sets itself up and connects. No other thread may initialise a
 * Calcite class while it runs: their static initialisers refer to each other, and two threads
 * entering such a cycle from different ends deadlock. The shell runs here with the JVM's log of
 * class initialisation, each line marked with its thread, for each of the commands a session may
 * start with (a query, sqlline's metadata and connection commands); in that log no class of the
 * shaded jar's relocated libraries (Calcite among them) is initialised by another thread before
 * the preload's last initialisation.
 */
class PreloadOrderTest {
  @TempDir Path work;

  private static final Pattern INIT = Pattern.compile("^\\[(\\d+)\\].*Initializing '([^']+)'");
  private static final String PRELOAD_STEPS = "org/vsldb/jdbc/PlannerPreload$Steps";
  private static final String RELOCATED = "org/vsldb/shaded/";

  /** One class initialisation: the thread id, and the class. */
  private record Init(long thread, String className) {}

  /** What one launch showed: whether the connect began while the preload ran. */
  private record Order(boolean connectOverlapped) {}

  private Order runFirst(String url, String command) throws Exception {
    Path log = work.resolve("init-" + Math.abs(command.hashCode()) + ".log");
    ChildJvm.Run run = ChildJvm.run(work, 120, "-Xlog:class+init=info:file=" + log + ":tid",
        "-jar", ChildJvm.shadedJar().toString(), url, "-e", command);
    assertEquals(0, run.exitCode(), command + ":\n" + run.output());
    List<Init> inits = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher m = INIT.matcher(line);
      if (m.find()) {
        inits.add(new Init(Long.parseLong(m.group(1)), m.group(2)));
      }
    }
    long preload = inits.stream().filter(i -> i.className().equals(PRELOAD_STEPS)).findFirst()
        .orElseThrow(() -> new AssertionError("the preload did not run for " + command)).thread();
    int last = -1;
    for (int i = 0; i < inits.size(); i++) {
      if (inits.get(i).thread() == preload) {
        last = i;
      }
    }
    List<String> concurrent = new ArrayList<>();
    boolean connectOverlapped = false;
    for (int i = 0; i < last; i++) {
      Init init = inits.get(i);
      if (init.thread() != preload && init.className().startsWith(RELOCATED)) {
        concurrent.add(init.className());
      }
      connectOverlapped |= init.className().equals("org/vsldb/jdbc/VslConnection");
    }
    assertTrue(concurrent.isEmpty(), concurrent.size() + " classes initialised by another thread while the"
        + " preload ran, with '" + command + "' first, from " + concurrent.subList(0, Math.min(20, concurrent.size())));
    return new Order(connectOverlapped);
  }

  @Test
  void noOtherThreadInitialisesCalcite_whileThePreloadRuns_whateverTheFirstCommand() throws Exception {
    List<String> firstCommands = List.of("select 1", "!tables", "!columns", "!schemas", "!dbinfo",
        "!metadata getTypeInfo", "!primarykeys T", "!indexes T", "!autocommit off",
        "!isolation TRANSACTION_SERIALIZABLE");
    int overlapped = 0;
    for (String command : firstCommands) {
      if (runFirst("jdbc:vsl:mem:", command).connectOverlapped()) {
        overlapped++;
      }
    }
    // A file database: its tables load on a thread of their own after the open.
    if (runFirst("jdbc:vsl:" + work.resolve("db"), "select count(*) from information_schema.tables")
        .connectOverlapped()) {
      overlapped++;
    }
    // The check means something only if the preload still ran when the shell connected; on two
    // cores it runs for several hundred milliseconds, longer than sqlline's set-up.
    assertTrue(overlapped > 0, "the preload finished before every connect: nothing was checked");
  }
}
