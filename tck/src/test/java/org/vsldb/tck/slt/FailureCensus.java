package org.vsldb.tck.slt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures grouped by cause: kind, SQLState and the error message with its positions, numbers and
 * numbered names blanked, so that "Column 'COL1' not found" and "Column 'COL2' not found" count
 * together. Each cause keeps a few example statements.
 */
final class FailureCensus {
  private static final int EXAMPLES = 3;

  private record Cause(String key, List<String> examples, int[] count) {}

  private final Map<String, Cause> causes = new LinkedHashMap<>();

  void add(String script, ScriptOutcome.Failure f) {
    String key = f.kind() + (f.sqlState() == null ? "" : " [" + f.sqlState() + "]") + ": " + normalize(f.shortError());
    Cause c = causes.computeIfAbsent(key, k -> new Cause(k, new ArrayList<>(), new int[1]));
    c.count()[0]++;
    if (c.examples().size() < EXAMPLES) {
      c.examples().add(script + ": " + f.sql());
    }
  }

  static String normalize(String error) {
    return error
        .replaceAll("^From line \\d+, column \\d+ to line \\d+, column \\d+: ", "")
        .replaceAll("(?i)at line \\d+, column \\d+", "at line N, column N")
        .replaceAll("expected:\\w+ computed: \\w+", "")
        .replaceAll("\\b\\w*\\d\\w*\\b", "N"); // numbers, and names such as TAB1 or VIEW_2_TAB0_77
  }

  /** Per kind of failure (statements first: their causes explain the rest), the {@code limit} most frequent causes. */
  String report(int limit) {
    StringBuilder b = new StringBuilder();
    for (String kind : ScriptOutcome.KINDS) {
      List<Cause> ofKind = causes.values().stream()
          .filter(c -> c.key().startsWith(kind + ":") || c.key().startsWith(kind + " ["))
          .sorted(Comparator.comparingInt((Cause c) -> -c.count()[0]))
          .toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      b.append(kind).append(": ").append(ofKind.stream().mapToInt(c -> c.count()[0]).sum()).append(" failures, ")
          .append(ofKind.size()).append(" causes").append(System.lineSeparator());
      ofKind.stream().limit(limit).forEach(c -> {
        b.append(String.format("%7d  %s%n", c.count()[0], c.key()));
        c.examples().forEach(e -> b.append("           e.g. ").append(e).append(System.lineSeparator()));
      });
    }
    return b.toString();
  }
}
