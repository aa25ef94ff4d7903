package org.vsldb.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import sqlline.DispatchCallback;
import sqlline.SqlLine;

/**
 * Runs the commands of {@code -e} or {@code -f} one by one through sqlline on one connection, so
 * output looks as in the interactive shell, with each statement's time, and stops at the first
 * that fails, naming it with its line: {@code vsl: <source> line <n>: statement <i> failed: <text>}.
 */
final class ScriptRunner {
  private final String url;
  private final List<String> settings;
  private final PrintStream err;

  /**
   * @param settings sqlline options as {@code --name=value}
   * @param err where messages go (sqlline's own too, less its echo of each command)
   */
  ScriptRunner(String url, List<String> settings, PrintStream err) {
    this.url = url;
    this.settings = settings;
    this.err = err;
  }

  /** Runs {@code script} (named {@code source} in messages); returns the exit code. */
  int run(String source, String script) {
    SqlLine sqlline = new SqlLine();
    EchoFilter filtered = new EchoFilter(err);
    sqlline.setErrorStream(filtered);
    // begin() with no input ends at once; it loads the user's sqlline settings, sets up the
    // statement parser (quotes, comments, the trailing ';') and leaves sqlline initialised, so
    // errors print as in the interactive shell (stack traces only with --verbose=true).
    List<String> args = new ArrayList<>(List.of(
        "--verbose=false", "--showElapsedTime=true", "--connectInteractionMode=notAskCredentials"));
    args.addAll(settings);
    filtered.skipTitle();
    sqlline.setOutputStream(new PrintStream(OutputStream.nullOutputStream())); // the empty session's prompt
    try {
      beginOnScriptTerminal(sqlline, args.toArray(new String[0]));
    } catch (IOException e) {
      err.println("vsl: cannot start the shell: " + e.getMessage());
      return 1;
    } finally {
      sqlline.setOutputStream(System.out);
    }
    if (!runOne(sqlline, filtered, "!connect " + url + " SA \"\" org.vsldb.jdbc.VslDriver")) {
      err.println("vsl: cannot open " + url);
      return 1;
    }
    try {
      List<Script.Command> commands = Script.split(script);
      for (int i = 0; i < commands.size(); i++) {
        Script.Command c = commands.get(i);
        if (!runOne(sqlline, filtered, c.text())) {
          err.println("vsl: " + source + " line " + c.line() + ": statement " + (i + 1) + " failed: "
              + c.firstLine());
          return 1;
        }
      }
      return 0;
    } finally {
      runOne(sqlline, filtered, "!closeall");
    }
  }

  /**
   * Runs sqlline's {@code begin} on a {@link ScriptTerminal}. The terminal behind sqlline's line
   * reader only reads the empty input and shows nothing; the one jline would build (a native
   * pseudo-terminal through jansi, or stty's settings and the capabilities of $TERM) costs more
   * start-up time than a statement. jline's override is the way to hand a terminal to a program
   * that builds its own; it is cleared before sqlline runs any command.
   */
  @SuppressWarnings("deprecation")
  private static void beginOnScriptTerminal(SqlLine sqlline, String[] args) throws IOException {
    InputStream empty = new ByteArrayInputStream(new byte[0]);
    TerminalBuilder.setTerminalOverride(new ScriptTerminal(empty));
    try {
      sqlline.begin(args, empty, false);
    } finally {
      TerminalBuilder.setTerminalOverride(null);
    }
  }

  /** A dumb terminal on an input and no output, without terminal capabilities. */
  static final class ScriptTerminal extends DumbTerminal {
    ScriptTerminal(InputStream in) throws IOException {
      super("vsl script", TYPE_DUMB, in, OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
    }

    /** Nothing is displayed, so no capability is looked up: none are read. */
    @Override
    protected void parseInfoCmp() {}
  }

  private static boolean runOne(SqlLine sqlline, EchoFilter filtered, String command) {
    filtered.skipEcho(command);
    DispatchCallback cb = new DispatchCallback();
    sqlline.runCommands(List.of(command), cb);
    return cb.isSuccess();
  }
}
