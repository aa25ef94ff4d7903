package org.vsldb.tck.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * sqlline's metadata commands ({@code !tables}, {@code !columns}, {@code !primarykeys},
 * {@code !indexes}, {@code !importedkeys}, {@code !exportedkeys}) show the schema's objects through
 * vsl's DatabaseMetaData, with no error or warning.
 */
class SqllineMetadataTest {
  private static String url;
  /** sqlline's command history goes here, not into the user's ~/.sqlline/history. */
  @TempDir static java.nio.file.Path history;

  @BeforeAll
  static void createSchema() throws Exception {
    url = ShopSchema.create();
    // No terminal here: jline must not try to measure one.
    System.setProperty("org.jline.terminal.dumb", "true");
  }

  /** Runs sqlline on the schema with {@code commands} as its input; returns everything it printed. */
  private static String sqlline(String... commands) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    SqlLine sqlLine = new SqlLine();
    sqlLine.setOutputStream(print);
    sqlLine.setErrorStream(print);
    String input = String.join("\n", commands) + "\n!quit\n";
    SqlLine.Status status = sqlLine.begin(new String[] {
        "-d", "org.vsldb.jdbc.VslDriver", "-u", url, "-n", "SA", "-p", "",
        "--connectInteractionMode=notAskCredentials", "--maxWidth=1000", "--showWarnings=true",
        "--historyFile=" + history.resolve("history")},
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), false);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(SqlLine.Status.OK, status, text);
    assertNoProblems(text);
    return text;
  }

  private static void assertNoProblems(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String bad : List.of("error", "warning", "exception", "not supported", "unsupported", "sqlstate")) {
      assertFalse(lower.contains(bad), "sqlline printed '" + bad + "':\n" + text);
    }
  }

  /** The table rows sqlline printed: lines starting with '|', without the header. */
  private static List<String> rows(String text) {
    return text.lines().filter(l -> l.startsWith("|")).map(l -> Pattern.compile("\\s*\\|\\s*").matcher(l)
        .replaceAll("|")).toList();
  }

  @Test
  void tables_showsTablesViewsAndSystemTables() throws Exception {
    List<String> rows = rows(sqlline("!tables"));
    for (String t : ShopSchema.TABLES) {
      assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|" + t + "|TABLE|")), t + " in " + rows);
    }
    for (String v : ShopSchema.VIEWS) {
      assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|" + v + "|VIEW|")), v + " in " + rows);
    }
    assertTrue(rows.stream().anyMatch(r -> r.contains("|INFORMATION_SCHEMA|TABLES|SYSTEM TABLE|")), rows.toString());
  }

  @Test
  void columns_showsEachColumnWithItsTypeAndPosition() throws Exception {
    List<String> rows = rows(sqlline("!columns ORDERS"));
    assertTrue(rows.get(0).contains("|COLUMN_NAME|") && rows.get(0).contains("|ORDINAL_POSITION|"), rows.get(0));
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDERS|ID|-5|BIGINT|19|")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDERS|TOTAL|3|DECIMAL|10|")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDERS|PLACED|2014|TIMESTAMP WITH LOCAL TIME ZONE|")),
        rows.toString());
  }

  @Test
  void columns_ofAView_areShown() throws Exception {
    List<String> rows = rows(sqlline("!columns CUSTOMER_TOTALS"));
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|CUSTOMER_TOTALS|SPENT|")), rows.toString());
  }

  @Test
  void primarykeys_showsTheKeyColumnsInKeyOrder() throws Exception {
    List<String> rows = rows(sqlline("!primarykeys ORDER_LINE"));
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDER_LINE|ORDER_ID|1|PK_ORDER_LINE|")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDER_LINE|LINE_NO|2|PK_ORDER_LINE|")), rows.toString());
  }

  @Test
  void indexes_showsPrimaryKeyUniqueAndPlainIndexes() throws Exception {
    List<String> rows = rows(sqlline("!indexes ORDER_LINE", "!indexes ORDERS"));
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDER_LINE|FALSE||PK_ORDER_LINE|")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDER_LINE|FALSE||ORDER_LINE_SKU|")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDERS|TRUE||ORDERS_PLACED|")), rows.toString());
  }

  @Test
  void importedkeys_showsEachForeignKeyOfTheTable() throws Exception {
    List<String> rows = rows(sqlline("!importedkeys ORDER_LINE"));
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|ORDERS|ID||SHOP|ORDER_LINE|ORDER_ID|1|")),
        rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|PRODUCT|SKU||SHOP|ORDER_LINE|SKU|1|")),
        rows.toString());
  }

  @Test
  void exportedkeys_showsTheTablesReferencingIt() throws Exception {
    List<String> rows = rows(sqlline("!exportedkeys CUSTOMER"));
    assertTrue(rows.stream().anyMatch(r -> r.contains("|SHOP|CUSTOMER|ID||SHOP|ORDERS|CUSTOMER_ID|1|")),
        rows.toString());
  }
}
