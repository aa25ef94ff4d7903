package org.vsldb.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vsldb.jdbc.ProgressReporting;
import sqlline.SqlLine;

/**
 * The vsl shell: {@code java -jar vsl-<version>.jar [<dir>|<url>] [-e <sql>] [-f <file>]}. It opens
 * sqlline on the vsl database given (default {@code ./vsl-data}); sqlline provides history,
 * completion, {@code !commands} and output formats. The exit code is 0 on success and 1 when a
 * statement of {@code -e} or {@code -f} failed.
 */
public final class Shell {
  /** The database the shell opens when no location is given. */
  public static final String DEFAULT_LOCATION = "vsl-data";

  private Shell() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.out));
  }

  /** Runs the shell and returns its exit code. */
  static int run(String[] args, PrintStream out) throws IOException {
    String location = null;
    String execute = null;
    String file = null;
    List<String> passThrough = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.print(usage());
        return 0;
      }
      if (a.equals("--print-log") && i + 1 < args.length) {
        return org.vsldb.sql.history.LogLines.print(Path.of(args[i + 1]), out, System.err);
      }
      if (a.equals("-e") && i + 1 < args.length) {
        execute = args[++i];
      } else if (a.equals("-f") && i + 1 < args.length) {
        file = args[++i];
      } else if (a.equals("-log") && i + 1 < args.length) {
        passThrough.add(a);
        passThrough.add(args[++i]);
      } else if (a.startsWith("-")) {
        passThrough.add(a);
      } else if (location == null) {
        location = a;
      } else {
        out.println("vsl: more than one database given: " + location + " and " + a);
        out.print(usage());
        return 2;
      }
    }
    String url = toUrl(location == null ? DEFAULT_LOCATION : location);
    // The planner's shared state is made on another core while sqlline sets itself up.
    org.vsldb.jdbc.PlannerPreload.start();
    ProgressReporting.setDefaultListener(new ProgressLine(System.err, System.console() != null));
    if (System.console() == null) {
      // No terminal (a pipe or a script): jline cannot measure a width, so give tables room.
      System.setProperty("org.jline.terminal.dumb", "true");
      if (passThrough.stream().noneMatch(a -> a.startsWith("--maxWidth"))) {
        passThrough.add("--maxWidth=1000");
      }
    }
    if (execute != null || file != null) {
      if (passThrough.contains("-log")) {
        out.println("vsl: -log works in the interactive shell only");
        return 2;
      }
      ScriptRunner runner = new ScriptRunner(url, passThrough, System.err);
      if (execute != null && runner.run("-e", execute) != 0) {
        return 1;
      }
      if (file != null) {
        String script;
        try {
          script = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
          System.err.println("vsl: cannot read " + file + ": " + e.getMessage());
          return 1;
        }
        return runner.run(file, script);
      }
      return 0;
    }
    List<String> sqllineArgs = new ArrayList<>();
    sqllineArgs.add("-d");
    sqllineArgs.add("org.vsldb.jdbc.VslDriver");
    sqllineArgs.add("-u");
    sqllineArgs.add(url);
    sqllineArgs.add("-n");
    sqllineArgs.add("SA");
    sqllineArgs.add("-p");
    sqllineArgs.add("");
    sqllineArgs.add("--connectInteractionMode=notAskCredentials");
    sqllineArgs.add("--isolation=TRANSACTION_READ_COMMITTED");
    if (passThrough.stream().noneMatch(a -> a.startsWith("--verbose"))) {
      sqllineArgs.add("--verbose=false");
    }
    sqllineArgs.addAll(passThrough);
    SqlLine.Status status = SqlLine.start(sqllineArgs.toArray(new String[0]), null, true);
    return status == SqlLine.Status.OK ? 0 : 1;
  }

  /** A location as a JDBC URL: a URL is kept, a directory becomes {@code jdbc:vsl:<dir>}. */
  static String toUrl(String location) {
    return location.startsWith("jdbc:") ? location : "jdbc:vsl:" + location;
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "Usage: java -jar vsl.jar [<dir>|<url>] [options]",
        "  <dir>          database directory (default ./" + DEFAULT_LOCATION + ", created if missing)",
        "  <url>          a JDBC URL, e.g. jdbc:vsl:mem:demo or jdbc:vsl:data;durability=interval",
        "  -e <sql>       run the statements (ended by ;) and exit",
        "  -f <file>      run the script and exit; both stop at the first failing statement",
        "                 with exit code 1, naming its line",
        "  --print-log <dir|file>",
        "                 print the logged changes of a database directory (its archive and",
        "                 current log) or of one log file, one line per change:",
        "                 timestamp | operation | table | key | value | type; works on a",
        "                 database that does not open",
        "  --help         this text",
        "Any other option is passed to sqlline (see !help inside the shell).",
        "");
  }
}
