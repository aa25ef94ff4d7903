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
 */
record Script(Path file, List<Script.Statement> statements) {
  /** One statement of a script. */
  record Statement(int line, String sql) {
    /** Whether the result's row order is defined (a top-level ORDER BY). */
    boolean ordered() {
      return sql.toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\bORDER\\s+BY\\b[^)]*$");
    }
  }

  static Script read(Path file) throws IOException {
    List<Statement> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int start = 0;
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
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
        out.add(new Statement(start, sql.substring(0, sql.length() - 1).strip()));
        sb.setLength(0);
      }
    }
    if (sb.length() > 0) {
      throw new IllegalArgumentException(file + ":" + start + ": statement without a final ';'");
    }
    return new Script(file, out);
  }
}
