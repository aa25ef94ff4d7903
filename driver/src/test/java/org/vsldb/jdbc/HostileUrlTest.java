package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing runs from a URL: keys that make Calcite or other embedded drivers load classes,
 * scripts, models or function libraries, or write files, are unknown keys (08001), and refusing
 * them reads and writes nothing. Functions outside vsl's operator table are not callable.
 */
class HostileUrlTest {
  @TempDir Path dir;

  private List<String> hostileKeys() throws IOException {
    Path model = Files.writeString(dir.resolve("model.json"),
        "{\"version\": \"1.0\", \"defaultSchema\": \"X\", \"schemas\": []}");
    Path script = Files.writeString(dir.resolve("init.sql"), "create table pwned(a int)");
    return List.of(
        "model=" + model, // Calcite: load a model (schema factories, classes)
        "model=inline:{\"version\":\"1.0\",\"schemas\":[]}",
        "fun=oracle", // Calcite: enable a function library (XML functions among them)
        "fun=all",
        "schemaFactory=org.apache.calcite.adapter.jdbc.JdbcSchema$Factory",
        "parserFactory=org.apache.calcite.sql.parser.ddl.SqlDdlParserImpl#FACTORY",
        "typeSystem=org.apache.calcite.rel.type.RelDataTypeSystem#DEFAULT",
        "schema.jdbcDriver=org.h2.Driver",
        "INIT=RUNSCRIPT FROM '" + script + "'", // H2
        "loggerFile=" + dir.resolve("written.log"), // pgjdbc CVE-2022-26520
        "TRACE_LEVEL_FILE=4",
        "logFile=" + dir.resolve("written2.log"));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void hostileKeysInTheUrl_areRefused08001_andNothingIsCreated() throws Exception {
    for (String kv : hostileKeys()) {
      List<Path> before = files();
      String url = "jdbc:vsl:" + dir.resolve("db") + ";" + kv;
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url), kv);
      assertEquals("08001", e.getSQLState(), kv);
      assertTrue(e.getMessage().contains(kv.substring(0, kv.indexOf('='))), e.getMessage());
      assertEquals(before, files(), "files changed after " + kv);
      assertFalse(Files.exists(dir.resolve("db")), kv);
    }
  }

  @Test
  void hostileKeysInProperties_areRefused08001() throws Exception {
    for (String kv : hostileKeys()) {
      Properties p = new Properties();
      p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      SQLException e = assertThrows(SQLException.class,
          () -> DriverManager.getConnection("jdbc:vsl:mem:hostile", p), kv);
      assertEquals("08001", e.getSQLState(), kv);
    }
  }

  @Test
  void functionsOutsideVslsOperatorTable_areNotCallable() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:" + java.util.UUID.randomUUID());
        Statement s = c.createStatement()) {
      for (String sql : List.of(
          "select extractvalue('<a>b</a>', '/a')",
          "select xmltransform('<a/>', '<xsl:stylesheet/>')",
          "select existsnode('<a/>', '/a')",
          "select extractxml('<a/>', '/a')")) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql), sql);
        assertEquals("90022", e.getSQLState(), sql + ": " + e.getMessage()); // function not found
      }
      s.executeQuery("select upper('still usable')").close();
    }
  }
}
