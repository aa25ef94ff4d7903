package org.vsldb.tck.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of {@link PeerBenchmark}: one section per workload, each a table of engines with the
 * ratio of vsl to each of them, the goal of the issue and whether it is met, and a summary of vsl
 * against the best peer per workload (which {@link PeerChart} draws). Markdown, written to
 * {@code target/benchmarks-peers.md} and printed.
 */
final class PeerReport {
  /**
   * One engine's figure. Rows of the same {@code group} (a mode such as "mem" or "file", or a way
   * of starting) are compared with each other; {@code peer} says whether the row may be the best
   * peer (a probe, or an engine that does not force for a durable-commit workload, may not).
   */
  record Row(String engine, String group, double value, double p50Micros, double p99Micros, boolean vsl,
      boolean peer, String note) {}

  /** A goal of the issue for one group of a workload, and whether this run met it. */
  record Goal(String text, String detail, boolean met) {}

  /** vsl against the best peer of one group of one workload. */
  record Headline(String workload, String group, Row vsl, Row best, double advantage, Goal goal) {}

  /** One workload: its rows and goals. */
  static final class Section {
    final String name;
    final String title;
    final String unit;
    final boolean higherIsBetter;
    final List<Row> rows = new ArrayList<>();
    final Map<String, Goal> goals = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    Section(String name, String title, String unit, boolean higherIsBetter) {
      this.name = name;
      this.title = title;
      this.unit = unit;
      this.higherIsBetter = higherIsBetter;
    }

    void add(Row row) {
      rows.add(row);
    }

    /** Adds a harness result as the row of {@code peer} in {@code group}. */
    void add(Peer peer, String group, Harness.Result r, String note) {
      add(new Row(peer.label, group, r.opsPerSec(), r.p50Micros(), r.p99Micros(), peer == Peer.VSL,
          peer != Peer.VSL, note));
    }

    /** Records a failed measurement as a row without a figure. */
    void error(String engine, String group, Throwable e) {
      String message = describe(e);
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root != e) {
        message += " (cause: " + describe(root) + ")"; // what the engine itself said
      }
      rows.add(new Row(engine, group, Double.NaN, Double.NaN, Double.NaN, false, false, "error: " + message));
      errors.add(engine + " (" + group + "): " + message);
    }

    private static String describe(Throwable e) {
      return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    Optional<Row> vsl(String group) {
      return rows.stream().filter(r -> r.vsl() && r.group().equals(group) && Double.isFinite(r.value())).findFirst();
    }

    /** The best row of {@code group} that may count as a peer. */
    Optional<Row> bestPeer(String group) {
      return rows.stream().filter(r -> r.peer() && r.group().equals(group) && Double.isFinite(r.value()))
          .reduce((a, b) -> advantage(a, b) >= 1 ? a : b);
    }

    /** How many times {@code a} is better than {@code b}, whichever direction is better here. */
    double advantage(Row a, Row b) {
      return higherIsBetter ? a.value() / b.value() : b.value() / a.value();
    }

    /** Sets the goal of every group: vsl at least {@code min} times as good as its best peer. */
    void goalAgainstBestPeer(double min) {
      for (String group : groups()) {
        Optional<Row> v = vsl(group);
        Optional<Row> best = bestPeer(group);
        if (v.isPresent() && best.isPresent()) {
          double adv = advantage(v.get(), best.get());
          goals.put(group, new Goal(String.format(Locale.ROOT, "≥ %.1f × best peer", min),
              String.format(Locale.ROOT, "vsl ÷ %s = %s", best.get().engine(), ratio(v.get(), best.get())),
              adv >= min));
        }
      }
    }

    void goal(String group, Goal goal) {
      goals.put(group, goal);
    }

    List<String> groups() {
      return rows.stream().map(Row::group).distinct().toList();
    }

    /** vsl's figure divided by the row's, as text (the table's ratio column). */
    String ratio(Row vsl, Row other) {
      return factor(vsl.value() / other.value());
    }

    List<Headline> headlines() {
      List<Headline> out = new ArrayList<>();
      for (String group : groups()) {
        Optional<Row> v = vsl(group);
        Optional<Row> best = bestPeer(group);
        if (v.isPresent() && best.isPresent()) {
          out.add(new Headline(name, group, v.get(), best.get(), advantage(v.get(), best.get()), goals.get(group)));
        }
      }
      return out;
    }

    String markdown() {
      StringBuilder b = new StringBuilder();
      b.append("### ").append(name).append("\n\n").append(title).append(".\n\n");
      b.append("Figure: ").append(unit).append(higherIsBetter ? " (higher is better)" : " (lower is better)")
          .append(".\n\n");
      b.append("| engine | mode | figure | p50 µs | p99 µs | vsl ÷ this | note |\n");
      b.append("|---|---|---:|---:|---:|---:|---|\n");
      for (Row r : rows) {
        Optional<Row> v = vsl(r.group());
        String ratio = r.vsl() || v.isEmpty() || !Double.isFinite(r.value()) ? "" : ratio(v.get(), r);
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.engine(), r.group(),
            number(r.value()), number(r.p50Micros()), number(r.p99Micros()), ratio, r.note()));
      }
      b.append('\n');
      for (Map.Entry<String, Goal> g : goals.entrySet()) {
        b.append(String.format(Locale.ROOT, "Goal (%s): %s; %s %s%n%n", g.getKey(), g.getValue().text(),
            g.getValue().detail(), g.getValue().met() ? "✔" : "✘"));
      }
      return b.toString();
    }
  }

  private final List<Section> sections = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** A new section: {@code name} in the summary and the chart, {@code title} above its table. */
  Section section(String name, String title, String unit, boolean higherIsBetter) {
    Section s = new Section(name, title, unit, higherIsBetter);
    sections.add(s);
    return s;
  }

  /** A paragraph after the tables. */
  void note(String text) {
    notes.add(text);
  }

  List<Headline> headlines() {
    return sections.stream().flatMap(s -> s.headlines().stream()).toList();
  }

  String markdown(String heading) {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(heading).append("\n\n");
    b.append("| workload | mode | vsl | best peer | vsl advantage | goal | |\n");
    b.append("|---|---|---:|---|---:|---|---|\n");
    for (Headline h : headlines()) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s %s | %s × | %s | %s |%n", h.workload(), h.group(),
          number(h.vsl().value()), h.best().engine(), number(h.best().value()), factor(h.advantage()),
          h.goal() == null ? "" : h.goal().text() + " (" + h.goal().detail() + ")",
          h.goal() == null ? "" : h.goal().met() ? "✔" : "✘"));
    }
    b.append("\nvsl advantage: how many times better vsl is than the best peer of the same mode, in the"
        + " workload's own direction (above 1: vsl ahead).\n\n");
    for (Section s : sections) {
      b.append(s.markdown());
    }
    for (String n : notes) {
      b.append(n).append("\n\n");
    }
    return b.toString();
  }

  /** A ratio with two decimals, or two significant digits below 0.01 (so that 0.0003 is not 0.00). */
  static String factor(double v) {
    if (v >= 0.01 || !Double.isFinite(v) || v <= 0) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).toPlainString();
  }

  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
