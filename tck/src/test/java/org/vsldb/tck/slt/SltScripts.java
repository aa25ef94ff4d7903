package org.vsldb.tck.slt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltTestFile;

/**
 * The sqllogictest scripts shipped in {@code net.hydromatic:sql-logic-test} (resources
 * {@code test/**}/{@code *.test}), run through its parser and {@link ConnectionExecutor}.
 *
 * <p>The library's parser keeps what a PostgreSQL run would keep (its {@code PostgresPolicy} is
 * fixed): a record under {@code onlyif <db>} only for {@code postgresql}, and none under
 * {@code skipif postgresql}. So the MySQL, MSSQL, Oracle and SQLite variants are skipped, and the
 * portable ones run.
 */
final class SltScripts {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private SltScripts() {}

  /**
   * Runs {@code script} (a path under {@code test/}, e.g. {@code select1.test}) in this JVM on a new
   * connection to {@code url}, reporting into {@code outcome} as it goes; only its first
   * {@code maxQueries} queries if that is not 0.
   */
  static ScriptOutcome run(String script, String url, int maxQueries, ScriptOutcome.Builder outcome)
      throws IOException, SQLException {
    OptionsParser.SuppliedOptions options = new OptionsParser(false, quiet(), quiet()).getOptions();
    SltTestFile file = new SltTestFile("test/" + script);
    file.parse(options);
    int queries = countQueries(script);
    outcome.parsed(queries, queries - file.getTestCount());
    new ConnectionExecutor(options, url, () -> DriverManager.getConnection(url), outcome, maxQueries)
        .execute(file, options);
    return outcome.build();
  }

  /** The URL of a new database: the prefix {@code slt.url} (default {@code jdbc:vsl:mem:}) and a unique name. */
  static String freshUrl(String script) {
    return System.getProperty("slt.url", "jdbc:vsl:mem:")
        + "slt_" + script.replaceAll("\\W", "_") + "_" + DATABASES.incrementAndGet();
  }

  /** The scripts under the given directories of {@code test/}, e.g. {@code index/} and {@code random/}, sorted. */
  static List<String> list(String... directories) throws IOException {
    Path jar;
    try {
      jar = Path.of(SltTestFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (FileSystem fs = FileSystems.newFileSystem(jar)) {
      Path root = fs.getPath("/test");
      return Stream.of(directories).flatMap(d -> walk(root.resolve(d)))
          .filter(p -> p.toString().endsWith(".test"))
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static Stream<Path> walk(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code query} record in the script, whatever its dialect. */
  private static int countQueries(String script) throws IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream("test/" + script), script);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return (int) r.lines().filter(l -> l.startsWith("query")).count();
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
