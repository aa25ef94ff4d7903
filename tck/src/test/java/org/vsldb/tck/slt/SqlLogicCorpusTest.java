package org.vsldb.tck.slt;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A report, not a check: runs the sqllogictest scripts under {@code index/} and {@code random/}
 * (about 600 scripts, 5 million queries in all) and prints the pass rate per script, per directory
 * and in total, and the most frequent causes of failure; writes the same to
 * {@code target/slt-report.txt}. Failures of single queries never fail it. Run with
 * {@code mvn -Pslt verify} (tag {@code slt}; not in the default suite).
 *
 * <p>By default it samples: the first script of each directory and the first 1000 queries of each.
 * {@code -Dslt.scriptsPerDirectory=0 -Dslt.maxQueries=0} runs everything (many hours);
 * {@code -Dslt.dirs=index/between,random/expr} picks directories; {@code -Dslt.url=jdbc:h2:mem:}
 * runs on H2.
 */
@Tag("slt")
class SqlLogicCorpusTest {
  private static final int SCRIPTS_PER_DIRECTORY = Integer.getInteger("slt.scriptsPerDirectory", 1);
  private static final int MAX_QUERIES = Integer.getInteger("slt.maxQueries", 1000);

  @Test
  void indexAndRandomScriptsReportTheirPassRate() throws Exception {
    List<String> scripts = sample(SltScripts.list(System.getProperty("slt.dirs", "index,random").split(",")));
    assertFalse(scripts.isEmpty(), "no scripts found");
    StringBuilder report = new StringBuilder();
    Map<String, int[]> byDirectory = new LinkedHashMap<>(); // passed, failed, not run
    FailureCensus census = new FailureCensus();
    for (String script : scripts) {
      ScriptOutcome o = ScriptProcess.run(script, SltScripts.freshUrl(script), MAX_QUERIES);
      line(report, o.summary());
      int[] t = byDirectory.computeIfAbsent(directory(script), d -> new int[3]);
      t[0] += o.passed();
      t[1] += o.failedQueries();
      t[2] += o.notRun();
      o.failures().forEach(f -> census.add(script, f));
    }
    line(report, "");
    int[] total = new int[3];
    byDirectory.forEach((d, t) -> {
      line(report, String.format("%-30s passed %8d of %8d run (%s), not run %8d",
          d, t[0], t[0] + t[1], ScriptOutcome.rate(t[0], t[0] + t[1]), t[2]));
      for (int i = 0; i < 3; i++) {
        total[i] += t[i];
      }
    });
    line(report, String.format("%-30s passed %8d of %8d run (%s), not run %8d; %d scripts",
        "TOTAL", total[0], total[0] + total[1], ScriptOutcome.rate(total[0], total[0] + total[1]), total[2],
        scripts.size()));
    line(report, "");
    line(report, "Most frequent causes of failure:");
    line(report, census.report(15));
    Path out = Path.of("target", "slt-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println("written to " + out.toAbsolutePath());
  }

  /** The first {@code slt.scriptsPerDirectory} scripts of each directory; all if it is 0. */
  private static List<String> sample(List<String> scripts) {
    List<String> chosen = new ArrayList<>();
    Map<String, Integer> taken = new LinkedHashMap<>();
    for (String s : scripts) {
      String dir = s.substring(0, s.lastIndexOf('/') + 1);
      if (SCRIPTS_PER_DIRECTORY == 0 || taken.merge(dir, 1, Integer::sum) <= SCRIPTS_PER_DIRECTORY) {
        chosen.add(s);
      }
    }
    return chosen;
  }

  /** {@code index/between/10/slt_good_0.test} → {@code index/between}. */
  private static String directory(String script) {
    String[] parts = script.split("/");
    return parts.length > 2 ? parts[0] + "/" + parts[1] : parts[0];
  }

  private static void line(StringBuilder report, String line) {
    System.out.println(line);
    report.append(line).append(System.lineSeparator());
  }
}
