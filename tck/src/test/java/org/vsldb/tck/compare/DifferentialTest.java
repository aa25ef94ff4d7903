package org.vsldb.tck.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every script in {@code src/test/resources/scripts} on vsl and on H2 2.3.232, statement by
 * statement, and requires the same outcome from both: the same column labels, type families and
 * rows for a query, the same update count for a change, and an error on both for a failure (with
 * the same SQLState). Rows of a query without a top-level ORDER BY are compared as a multiset.
 * A statement preceded by a {@code -- differs:} directive (see {@link Script}) is an intended
 * difference: vsl's outcome must equal the recorded one, and H2's is not compared.
 */
class DifferentialTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/scripts");

  @TestFactory
  Stream<DynamicTest> scripts_giveTheSameResultsOnVslAndH2() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(SCRIPTS)) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    assertTrue(!files.isEmpty(), "no scripts in " + SCRIPTS.toAbsolutePath());
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
  }

  private static void compare(Path file) throws IOException, SQLException {
    Script script = Script.read(file);
    String name = file.getFileName().toString().replace(".sql", "");
    List<String> differences = new ArrayList<>();
    try (Connection vsl = DriverManager.getConnection("jdbc:vsl:mem:");
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=0")) {
      for (Script.Statement st : script.statements()) {
        Outcome a = Outcome.run(vsl, st);
        Outcome b = Outcome.run(h2, st);
        if (st.differs() != null) {
          // A recorded, intended difference: vsl must give exactly the recorded outcome.
          if (!a.toString().equals(st.differs().vsl())) {
            differences.add(file.getFileName() + ":" + st.line() + ": " + st.sql()
                + "\n    vsl:      " + a + "\n    recorded: " + st.differs().vsl()
                + "\n    (differs: " + st.differs().reason() + ")");
          }
        } else if (!a.equals(b)) {
          differences.add(file.getFileName() + ":" + st.line() + ": " + st.sql()
              + "\n    vsl: " + a + "\n    h2:  " + b);
        }
      }
    }
    assertTrue(differences.isEmpty(), String.join("\n", differences));
    assertTrue(script.statements().size() > 0, file + " has no statements");
  }
}
