package org.vsldb.tck.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outcome of every statement of the differential scripts on vsl, one line each
 * ({@code file:line<TAB>outcome}). Run in-process and in a child JVM that has only the shaded jar,
 * it shows that the jar behaves as the modules the suite tests.
 */
public final class ScriptOutcomes {
  private ScriptOutcomes() {}

  /** Prints the outcomes of the scripts in the directory {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    for (String line : of(Path.of(args[0]))) {
      System.out.println(line);
    }
  }

  public static List<String> of(Path scripts) throws IOException, SQLException {
    List<Path> files;
    try (Stream<Path> s = Files.list(scripts)) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      Script script = Script.read(f);
      try (Connection vsl = DriverManager.getConnection("jdbc:vsl:mem:")) {
        for (Script.Statement st : script.statements()) {
          String outcome = Outcome.run(vsl, st).toString().replace("\\", "\\\\").replace("\n", "\\n");
          out.add(f.getFileName() + ":" + st.line() + "\t" + outcome);
        }
      }
    }
    return out;
  }
}
