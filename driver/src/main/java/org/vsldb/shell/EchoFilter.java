package org.vsldb.shell;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * sqlline's message stream, less what its {@code runCommands} adds for a batch: the echo of each
 * command ({@code "1/1          <command>"}, one line per line of the command) and the
 * "Aborting command set" notice, which {@link ScriptRunner} replaces with its own message.
 */
final class EchoFilter extends OutputStream {
  private final PrintStream out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int echoLinesLeft;
  private int commandLines = 1;

  EchoFilter(PrintStream out) {
    this.out = out;
  }

  /** The next line is sqlline's title ("sqlline version ..."): drop it. */
  void skipTitle() {
    echoLinesLeft = 1;
  }

  /** The next lines are the echo of {@code command}: drop them. */
  void skipEcho(String command) {
    commandLines = (int) command.chars().filter(c -> c == '\n').count() + 1;
    echoLinesLeft = commandLines;
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    if (b == '\n') {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      if (echoLinesLeft > 0) {
        echoLinesLeft--;
        return;
      }
      if (text.startsWith("Aborting command set because")) {
        echoLinesLeft = commandLines - 1; // the notice quotes the whole command
        return;
      }
      out.print(text);
    }
  }

  @Override
  public synchronized void flush() {
    out.flush();
  }
}
