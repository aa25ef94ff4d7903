package org.vsldb.tck.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A differential test script: SQL statements, each ending with a semicolon at the end of a line.
 * Lines starting with {@code --} are comments. Each statement records the line it starts on, so a
 * difference can be reported as {@code file:line}.
 *
 * <p>A known, intended difference from H2 is recorded right before its statement with two
 * comment lines:
 *
 * <pre>
 * -- differs: why vsl answers differently (docs/SQL.md)
 * -- vsl: Outcome[...]   (exactly as Outcome.toString() prints vsl's outcome)
 * </pre>
 *
 * Such a statement still runs on both engines, but only vsl's outcome is checked, against the
 * recorded one.
 */
record Script(Path file, List<Script.Statement> statements) {
  private static final String DIFFERS = "-- differs:";
  private static final String VSL = "-- vsl:";

  /** One statement of a script; {@code differs} is null unless a difference is recorded. */
  record Statement(int line, String sql, Difference differs) {
    /** Whether the result's row order is defined (a top-level ORDER BY). */
    boolean ordered() {
      return sql.toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\bORDER\\s+BY\\b[^)]*$");
    }
  }

  /** A recorded difference: the reason, and vsl's expected outcome as Outcome.toString(). */
  record Difference(String reason, String vsl) {}

  static Script read(Path file) throws IOException {
    List<Statement> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int start = 0;
    String reason = null;
    Difference pending = null;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      String where = file + ":" + (i + 1) + ": ";
      if (reason != null && !trimmed.startsWith(VSL)) {
        throw new IllegalArgumentException(where + "'" + DIFFERS + "' must be followed by '" + VSL + "'");
      }
      if (trimmed.startsWith(DIFFERS)) {
        if (sb.length() > 0 || pending != null) {
          throw new IllegalArgumentException(where + "'" + DIFFERS + "' must come right before a statement");
        }
        reason = trimmed.substring(DIFFERS.length()).strip();
        if (reason.isEmpty()) {
          throw new IllegalArgumentException(where + "'" + DIFFERS + "' needs a reason");
        }
        continue;
      }
      if (trimmed.startsWith(VSL)) {
        if (reason == null) {
          throw new IllegalArgumentException(where + "'" + VSL + "' without '" + DIFFERS + "' before it");
        }
        pending = new Difference(reason, trimmed.substring(VSL.length()).strip());
        reason = null;
        continue;
      }
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (sb.length() == 0) {
        start = i + 1;
      } else {
        sb.append('\n');
      }
      sb.append(line);
      if (trimmed.endsWith(";")) {
        String sql = sb.toString().strip();
        out.add(new Statement(start, sql.substring(0, sql.length() - 1).strip(), pending));
        sb.setLength(0);
        pending = null;
      }
    }
    if (sb.length() > 0) {
      throw new IllegalArgumentException(file + ":" + start + ": statement without a final ';'");
    }
    if (reason != null || pending != null) {
      throw new IllegalArgumentException(file + ": '" + DIFFERS + "' at the end, without a statement");
    }
    return new Script(file, out);
  }
}
