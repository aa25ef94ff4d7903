package org.vsldb.tck.bench;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart, as SVG text, of vsl's advantage over the best peer per workload and mode
 * ({@link PeerReport.Headline}): on a log scale from 0.0001 to 100, green bars right of 1 where
 * vsl is ahead, red bars left of it where vsl is behind. Each value is followed by ✔ or ✘ for the
 * row's goal in the issue (which for some rows is not the best peer: the force probe, vsl's own
 * single thread, a fixed size). Plain string building, no charting library.
 */
final class PeerChart {
  private static final int WIDTH = 980;
  private static final int LABEL_WIDTH = 400;
  private static final int PLOT_LEFT = LABEL_WIDTH + 55;
  private static final int PLOT_RIGHT = WIDTH - 60;
  private static final int TOP = 50;
  private static final int ROW = 26;
  private static final double LOG_MIN = -4;
  private static final double LOG_MAX = 2;
  /** A generous width of one character of the labels, in pixels, to keep them apart. */
  private static final double CHAR_WIDTH = 8.5;

  private PeerChart() {}

  static String svg(String title, List<PeerReport.Headline> rows) {
    int height = TOP + rows.size() * ROW + 50;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"13\">%n", WIDTH, height));
    b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
    b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
        escape(title)));
    int bottom = TOP + rows.size() * ROW;
    for (double tick : new double[] {0.0001, 0.001, 0.01, 0.1, 1, 10, 100}) {
      double x = x(tick);
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n",
          x, TOP - 6, x, bottom, tick == 1 ? "black" : "#ccc"));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s×</text>%n", x,
          bottom + 18, java.math.BigDecimal.valueOf(tick).stripTrailingZeros().toPlainString()));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">"
        + "vsl ÷ best peer (log scale; right of 1× vsl is ahead); ✔/✘: the row's goal in the issue</text>%n",
        (PLOT_LEFT + PLOT_RIGHT) / 2, bottom + 38));
    for (int i = 0; i < rows.size(); i++) {
      PeerReport.Headline h = rows.get(i);
      int y = TOP + i * ROW;
      boolean ahead = h.advantage() >= 1;
      String mark = h.goal() == null ? "" : h.goal().met() ? " ✔" : " ✘";
      double x0 = x(1);
      double x1 = x(h.advantage());
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL_WIDTH,
          y + 17, escape(h.workload() + " (" + h.group() + ") vs " + h.best().engine())));
      b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
          Math.min(x0, x1), y + 4, Math.max(1, Math.abs(x1 - x0)), ROW - 8, ahead ? "#2e7d32" : "#c62828"));
      // At the bar's outer end, or inside the bar in white where it would run into the labels.
      String value = (h.advantage() >= 10 ? String.format(Locale.ROOT, "%.0f", h.advantage())
          : PeerReport.factor(h.advantage())) + "×" + mark;
      boolean inside = !ahead && x1 - 4 - value.length() * CHAR_WIDTH < LABEL_WIDTH + 12;
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\"%s>%s</text>%n",
          ahead || inside ? x1 + 4 : x1 - 4, y + 17, ahead || inside ? "start" : "end",
          inside ? " fill=\"white\"" : "", value));
    }
    b.append("</svg>\n");
    return b.toString();
  }

  /** The x position of a ratio on the log scale, clamped to the plot. */
  private static double x(double ratio) {
    double l = Math.log10(Math.max(1e-9, ratio));
    l = Math.max(LOG_MIN, Math.min(LOG_MAX, l));
    return PLOT_LEFT + (l - LOG_MIN) / (LOG_MAX - LOG_MIN) * (PLOT_RIGHT - PLOT_LEFT);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
