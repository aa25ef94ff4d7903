package org.vsldb.shell;

import java.io.PrintStream;
import java.util.Locale;
import org.vsldb.jdbc.Progress;
import org.vsldb.jdbc.ProgressListener;

/**
 * The shell's progress line for long statements, on standard error: on a terminal one line that
 * is rewritten in place, otherwise one line per report, e.g.
 * {@code CHECKPOINT: 420,000 of 1,000,000 rows (42%), 2.1 s}.
 */
final class ProgressLine implements ProgressListener {
  private final PrintStream out;
  private final boolean terminal;

  ProgressLine(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  static String format(Progress p) {
    StringBuilder s = new StringBuilder(p.operation()).append(": ")
        .append(String.format(Locale.ROOT, "%,d", p.done()));
    if (p.total() >= 0) {
      s.append(String.format(Locale.ROOT, " of %,d %s (%d%%)", p.total(), p.unit(), p.percent()));
    } else {
      s.append(' ').append(p.unit());
    }
    return s.append(String.format(Locale.ROOT, ", %.1f s", p.elapsedMillis() / 1000.0)).toString();
  }

  @Override
  public void progress(Progress p) {
    if (terminal) {
      out.print("\r" + format(p) + (p.finished() ? System.lineSeparator() : ""));
    } else {
      out.println(format(p));
    }
    out.flush();
  }
}
