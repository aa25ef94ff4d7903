package org.vsldb.tck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The arithmetic of {@link PeerReport} and the chart drawn from it, on made-up figures. */
class PeerReportTest {
  private static PeerReport.Row row(String engine, double value, boolean vsl, boolean peer) {
    return new PeerReport.Row(engine, "mem", value, Double.NaN, Double.NaN, vsl, peer, "");
  }

  @Test
  void bestPeer_whereLowerIsBetter_isTheSmallestFigure() {
    PeerReport.Section s = new PeerReport().section("heap", "heap", "bytes/row", false);
    s.add(row("vsl", 300, true, false));
    s.add(row("H2", 320, false, true));
    s.add(row("HSQLDB", 280, false, true));
    assertEquals("HSQLDB", s.bestPeer("mem").orElseThrow().engine());
    assertEquals(280.0 / 300, s.headlines().get(0).advantage(), 1e-9);
  }

  @Test
  void bestPeer_leavesOutRowsThatMayNotCountAsPeers() {
    PeerReport.Section s = new PeerReport().section("commits", "commits", "commits/s", true);
    s.add(row("vsl", 7_000, true, false));
    s.add(row("force probe", 8_000, false, false));
    s.add(row("H2", 300_000, false, false));
    s.add(row("HSQLDB", 5_000, false, true));
    assertEquals("HSQLDB", s.bestPeer("mem").orElseThrow().engine());
  }

  @Test
  void goalAgainstBestPeer_isMetOnlyWhereVslIsAtLeastAsGood() {
    PeerReport report = new PeerReport();
    PeerReport.Section ahead = report.section("a", "a", "ops/s", true);
    ahead.add(row("vsl", 100, true, false));
    ahead.add(row("H2", 99, false, true));
    ahead.goalAgainstBestPeer(1.0);
    PeerReport.Section behind = report.section("b", "b", "ops/s", true);
    behind.add(row("vsl", 100, true, false));
    behind.add(row("SQLite", 101, false, true));
    behind.goalAgainstBestPeer(1.0);
    assertTrue(ahead.goals.get("mem").met());
    assertFalse(behind.goals.get("mem").met());
    assertTrue(report.markdown("t").contains("| b | mem | 100 | SQLite 101 | 0.99 × |"), report.markdown("t"));
  }

  @Test
  void error_keepsARowWithoutFigure_andIsNeverTheBestPeer() {
    PeerReport.Section s = new PeerReport().section("x", "x", "ops/s", true);
    s.add(row("vsl", 10, true, false));
    s.error("H2", "mem", new IllegalStateException("broken\nsecond line"));
    assertEquals(List.of("H2 (mem): IllegalStateException: broken"), s.errors);
    assertTrue(s.bestPeer("mem").isEmpty());
    assertTrue(s.markdown().contains("| H2 | mem |  |  |  |  | error: IllegalStateException: broken |"), s.markdown());
  }

  @Test
  void factor_keepsTwoSignificantDigitsBelowOneHundredth() {
    assertEquals("0.83", PeerReport.factor(0.8312));
    assertEquals("0.00024", PeerReport.factor(0.000241));
  }

  @Test
  void chart_isWellFormedSvg_withOneBarPerHeadline() throws Exception {
    PeerReport report = new PeerReport();
    PeerReport.Section s = report.section("w <&>", "w", "ops/s", true);
    s.add(row("vsl", 1, true, false));
    s.add(row("H2", 1_000_000, false, true));
    s.add(new PeerReport.Row("vsl", "file", 30, Double.NaN, Double.NaN, true, false, ""));
    s.add(new PeerReport.Row("H2", "file", 10, Double.NaN, Double.NaN, false, true, ""));
    s.goalAgainstBestPeer(1.0);
    String svg = PeerChart.svg("title", report.headlines());
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", d.getDocumentElement().getNodeName());
    assertEquals(3, d.getElementsByTagName("rect").getLength(), svg); // background + 2 bars
    assertTrue(svg.contains("0.0000010× ✘") && svg.contains("3.00× ✔"), svg);
  }
}
