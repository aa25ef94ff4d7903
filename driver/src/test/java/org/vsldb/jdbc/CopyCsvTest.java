package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code COPY} of tables and queries to and from files (PRODUCT.md 3.3, docs/SQL.md "COPY"):
 * formats, options, NULL against empty strings, update counts, and how a bad file fails (its
 * line, nothing loaded, the connection usable).
 */
class CopyCsvTest {
  @TempDir Path dir;
  private Connection c;
  private Statement s;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:" + dir.resolve("db"));
    s = c.createStatement();
    s.execute("create table t (id int primary key, name varchar(20), price decimal(10,2), d date)");
    s.execute("insert into t values (1, 'plain', 1.50, date '2024-01-02'), (2, 'with, comma', null, null),"
        + " (3, '', 0, date '1999-12-31')");
    try (var p = c.prepareStatement("insert into t values (4, ?, -2.25, null)")) {
      p.setString(1, "say \"hi\"\nbye");
      p.executeUpdate();
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private Path file(String name) {
    return dir.resolve("db").resolve(name);
  }

  private String read(String name) throws Exception {
    return Files.readString(file(name), StandardCharsets.UTF_8);
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(file(name), text, StandardCharsets.UTF_8);
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  private SQLException fails(String sql) {
    return assertThrows(SQLException.class, () -> s.execute(sql));
  }

  @Test
  void copyTableTo_writesRfc4180Csv_andReturnsTheRowCount() throws Exception {
    assertEquals(4, s.executeUpdate("copy t to 't.csv'"));
    assertEquals("1,plain,1.50,2024-01-02\n"
        + "2,\"with, comma\",,\n"
        + "3,\"\",0.00,1999-12-31\n"
        + "4,\"say \"\"hi\"\"\nbye\",-2.25,\n", read("t.csv"));
  }

  @Test
  void copyFrom_readsWhatCopyToWrote_nullAndEmptyStringStayApart() throws Exception {
    s.executeUpdate("copy t to 't.csv' with (header)");
    s.execute("create table u (id int primary key, name varchar(20), price decimal(10,2), d date)");
    assertEquals(4, s.executeUpdate("copy u from 't.csv' with (header true)"));
    assertEquals(rows("select * from t order by id"), rows("select * from u order by id"));
    assertEquals(List.of("2", "3"), rows("select id from u where price is null or name = '' order by id").subList(0, 2));
    assertEquals(List.of("3"), rows("select id from u where name = ''"));
    assertEquals(List.of("2"), rows("select id from u where price is null"));
  }

  @Test
  void copyQueryTo_writesTheQueryRows_withItsLabelsAsHeader() throws Exception {
    assertEquals(2, s.executeUpdate("copy (select id, name as label from t where id <= 2 order by id) to 'q.csv' with (header)"));
    assertEquals("ID,LABEL\n1,plain\n2,\"with, comma\"\n", read("q.csv"));
  }

  @Test
  void copyColumnList_writesAndLoadsOnlyThoseColumns_othersTakeNullOrDefault() throws Exception {
    s.executeUpdate("copy t (name, id) to 'cols.csv'");
    assertTrue(read("cols.csv").startsWith("plain,1\n"));
    s.execute("create table v (id int primary key, name varchar(20), n int default 7)");
    assertEquals(4, s.executeUpdate("copy v (name, id) from 'cols.csv'"));
    assertEquals(List.of("1|plain|7", "3||7"), rows("select * from v where id in (1, 3) order by id"));
  }

  @Test
  void textFormat_isPostgresText_tabsBackslashEscapesAndBackslashN() throws Exception {
    assertEquals(4, s.executeUpdate("copy t to 't.txt' with (format text)"));
    assertEquals("1\tplain\t1.50\t2024-01-02\n"
        + "2\twith, comma\t\\N\t\\N\n"
        + "3\t\t0.00\t1999-12-31\n"
        + "4\tsay \"hi\"\\nbye\t-2.25\t\\N\n", read("t.txt"));
    s.execute("create table u (id int primary key, name varchar(20), price decimal(10,2), d date)");
    assertEquals(4, s.executeUpdate("copy u from 't.txt' with (format text)"));
    assertEquals(rows("select * from t order by id"), rows("select * from u order by id"));
  }

  @Test
  void textFormat_readsOctalHexAndEndOfDataMarker() throws Exception {
    s.execute("create table w (a varchar(10), b varchar(10))");
    write("w.txt", "\\101\\x42c\td\\\\e\n\\.\nignored\tafter the marker\n");
    assertEquals(1, s.executeUpdate("copy w from 'w.txt' with (format text)"));
    assertEquals(List.of("ABc|d\\e"), rows("select * from w"));
  }

  @Test
  void otherDelimiterNullMarkerAndQuote_areHonouredBothWays() throws Exception {
    assertEquals(4, s.executeUpdate(
        "copy t to 'semi.csv' with (format csv, delimiter ';', null 'NULL', quote '''', header false)"));
    assertEquals("1;plain;1.50;2024-01-02\n2;with, comma;NULL;NULL\n3;;0.00;1999-12-31\n"
        + "4;'say \"hi\"\nbye';-2.25;NULL\n", read("semi.csv"));
    s.execute("create table u (id int primary key, name varchar(20), price decimal(10,2), d date)");
    assertEquals(4, s.executeUpdate("copy u from 'semi.csv' with (delimiter ';', null 'NULL', quote '''')"));
    assertEquals(rows("select * from t order by id"), rows("select * from u order by id"));
  }

  @Test
  void escapeOption_escapesQuotesInsideQuotedFields() throws Exception {
    s.execute("create table q (a varchar(20))");
    try (var p = c.prepareStatement("insert into q values (?)")) {
      p.setString(1, "a\"b\\c,d");
      p.executeUpdate();
    }
    s.executeUpdate("copy q to 'q.csv' with (escape '\\')");
    assertEquals("\"a\\\"b\\\\c,d\"\n", read("q.csv"));
    s.execute("delete from q");
    s.executeUpdate("copy q from 'q.csv' with (escape '\\')");
    assertEquals(List.of("a\"b\\c,d"), rows("select * from q"));
  }

  @Test
  void valueTexts_readPostgresSpellingsAndOffsets() throws Exception {
    s.execute("create table x (b boolean, f double, r real, ts timestamp with local time zone)");
    write("x.csv", "t,inf,-Infinity,2024-01-02 03:04:05.678Z\n"
        + "off,NaN,nan,2024-01-02T05:04:05.678+02:00\n"
        + "YES,-inf,1.5,2024-01-02 03:04:05.678 UTC\n"
        + "0,-0.0,1e3,2024-01-01 22:04:05.678-0500\n");
    assertEquals(4, s.executeUpdate("copy x from 'x.csv' with (header false)"));
    try (ResultSet rs = s.executeQuery("select b, f, r, ts from x")) {
      List<String> got = new ArrayList<>();
      while (rs.next()) {
        got.add(rs.getBoolean(1) + " " + rs.getDouble(2) + " " + rs.getFloat(3) + " "
            + rs.getObject(4, java.time.OffsetDateTime.class).toInstant());
      }
      assertEquals(List.of("true Infinity -Infinity 2024-01-02T03:04:05.678Z",
          "false NaN NaN 2024-01-02T03:04:05.678Z",
          "true -Infinity 1.5 2024-01-02T03:04:05.678Z",
          "false -0.0 1000.0 2024-01-02T03:04:05.678Z"), got);
    }
  }

  @Test
  void headerAlone_meansTrue() throws Exception {
    s.executeUpdate("copy (select id from t where id = 1) to 'h.csv' with (header)");
    assertEquals("ID\n1\n", read("h.csv"));
  }

  @Test
  void nullMarkerInQuotes_isTheTextItself() throws Exception {
    s.execute("create table n (a varchar(10))");
    write("n.csv", "NULL\n\"NULL\"\n\n\"\"\n");
    assertEquals(4, s.executeUpdate("copy n from 'n.csv' with (null 'NULL')"));
    assertEquals(List.of("", "", "NULL", "null"),
        rows("select coalesce(a, 'null') from n").stream().sorted().toList());
    assertEquals(2, Integer.parseInt(rows("select count(*) from n where a = ''").get(0)));
    assertEquals(1, Integer.parseInt(rows("select count(*) from n where a is null").get(0)));
  }

  @Test
  void crlfLineEndsAndQuotedCarriageReturns_areRead() throws Exception {
    s.execute("create table r (a int, b varchar(10))");
    write("r.csv", "1,x\r\n2,\"a\r\nb\"\r\n3,\"c\rd\"");
    assertEquals(3, s.executeUpdate("copy r from 'r.csv'"));
    assertEquals(List.of("1|x", "2|a\r\nb", "3|c\rd"), rows("select * from r order by a"));
  }

  @Test
  void malformedFile_failsWithItsLineNumber_andLoadsNothing() throws Exception {
    s.execute("create table u (id int primary key, name varchar(5), d date)");
    s.execute("insert into u values (100, 'kept', null)");
    write("fields.csv", "1,a,2024-01-01\n2,b\n");
    SQLException e = fails("copy u from 'fields.csv'");
    assertEquals("22P04", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("fields.csv"), e.getMessage());

    write("quote.csv", "1,a,2024-01-01\n2,\"b,\n\n");
    e = fails("copy u from 'quote.csv'");
    assertEquals("22P04", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());

    write("int.csv", "1,a,2024-01-01\n\"two\n\",b,\nx,c,\n");
    e = fails("copy u from 'int.csv'");
    assertEquals("22018", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("column ID"), e.getMessage());

    write("date.csv", "1,a,2024-01-01\n2,b,2024-13-01\n");
    e = fails("copy u from 'date.csv'");
    assertEquals("22007", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());

    write("long.csv", "1,a,\n2,toolong,\n");
    e = fails("copy u from 'long.csv'");
    assertEquals("22001", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());

    write("dup.csv", "1,a,\n2,b,\n3,c,\n1,d,\n");
    e = fails("copy u from 'dup.csv'");
    assertEquals("23505", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 4"), e.getMessage());

    write("null.csv", "1,a,\n,b,\n");
    e = fails("copy u from 'null.csv'");
    assertEquals("23502", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());

    write("bytes.csv", "1,a,\n");
    Files.write(file("bytes.csv"), new byte[] {'1', ',', (byte) 0xC3, (byte) 0x28, ',', '\n'});
    e = fails("copy u from 'bytes.csv'");
    assertEquals("22P04", e.getSQLState(), e.getMessage());

    assertEquals(List.of("100|kept|null"), rows("select * from u"));
    s.execute("insert into u values (1, 'a', null)"); // usable, and nothing was left behind
    assertEquals(List.of("1", "100"), rows("select id from u order by id"));
  }

  @Test
  void constraintsAndDefaults_areAppliedToLoadedRows() throws Exception {
    s.execute("create table k (id int generated by default as identity primary key, n int check (n > 0),"
        + " tag varchar(5) default 'new')");
    write("k.csv", "5\n6\n");
    assertEquals(2, s.executeUpdate("copy k (n) from 'k.csv'"));
    assertEquals(List.of("5|new", "6|new"), rows("select n, tag from k order by n"));
    write("bad.csv", "7\n0\n");
    SQLException e = fails("copy k (n) from 'bad.csv'");
    assertEquals("23513", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertEquals(2, rows("select * from k").size());
  }

  @Test
  void copyFrom_joinsAnOpenTransaction_andRollsBackWithIt() throws Exception {
    s.execute("create table u (id int primary key)");
    write("ids.csv", "1\n2\n3\n");
    c.setAutoCommit(false);
    assertEquals(3, s.executeUpdate("copy u from 'ids.csv'"));
    assertEquals(List.of("3"), rows("select count(*) from u"));
    c.rollback();
    assertEquals(List.of("0"), rows("select count(*) from u"));
    c.setAutoCommit(true);
  }

  @Test
  void readOnlyConnection_refusesCopyFromWith25006_butCopiesTo() throws Exception {
    s.execute("create table u (id int primary key)");
    write("ids.csv", "1\n");
    c.setReadOnly(true);
    assertEquals("25006", fails("copy u from 'ids.csv'").getSQLState());
    assertEquals(4, s.executeUpdate("copy t to 'ro.csv'"));
    c.setReadOnly(false);
  }

  @Test
  void readOnlyDatabase_refusesCopyFromWith25006_butCopiesTo() throws Exception {
    s.execute("create table u (id int primary key)");
    write("ids.csv", "1\n");
    c.close();
    try (Connection ro = DriverManager.getConnection("jdbc:vsl:" + dir.resolve("db") + ";readOnly=true")) {
      Statement rs = ro.createStatement();
      SQLException e = assertThrows(SQLException.class, () -> rs.execute("copy u from 'ids.csv'"));
      assertEquals("25006", e.getSQLState());
      assertEquals(4, rs.executeUpdate("copy t to 'ro.csv'"));
    }
    c = DriverManager.getConnection("jdbc:vsl:" + dir.resolve("db"));
    s = c.createStatement();
  }

  @Test
  void badOptionsAndTargets_failWithTheirStates() {
    assertEquals("22023", fails("copy t to 'x.csv' with (colour 'red')").getSQLState());
    assertEquals("22023", fails("copy t to 'x.csv' with (delimiter ';;')").getSQLState());
    assertEquals("22023", fails("copy t to 'x.csv' with (format text, quote '\"')").getSQLState());
    assertEquals("22023", fails("copy t to 'x.csv' with (encoding 'no-such-charset')").getSQLState());
    assertEquals("0A000", fails("copy t to 'x.csv' with (format binary)").getSQLState());
    assertEquals("0A000", fails("copy t to 'x.csv' with (force_quote 'a')").getSQLState());
    assertEquals("42S02", fails("copy nosuch to 'x.csv'").getSQLState());
    assertEquals("42S22", fails("copy t (id, nosuch) to 'x.csv'").getSQLState());
    assertEquals("58030", fails("copy t from 'missing.csv'").getSQLState());
  }

  @Test
  void encodingOption_writesAndReadsThatCharset() throws Exception {
    s.execute("create table e (a varchar(10))");
    s.execute("insert into e values ('äöü')");
    s.executeUpdate("copy e to 'latin.csv' with (encoding 'ISO-8859-1')");
    assertEquals(4, Files.size(file("latin.csv")));
    s.execute("delete from e");
    s.executeUpdate("copy e from 'latin.csv' with (encoding 'ISO-8859-1')");
    assertEquals(List.of("äöü"), rows("select * from e"));
  }

  @Test
  void aCharacterTheEncodingLacks_failsCopyToWith22P05() throws Exception {
    s.execute("create table e (a varchar(10))");
    try (var p = c.prepareStatement("insert into e values ('ok'), (?)")) {
      p.setString(1, "€uro");
      p.executeUpdate();
    }
    SQLException e = fails("copy e to 'latin.csv' with (encoding 'ISO-8859-1')");
    assertEquals("22P05", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("ISO-8859-1") && e.getMessage().contains("latin.csv"), e.getMessage());
  }

  @Test
  void copyViewTo_writesTheViewRows() throws Exception {
    s.execute("create view tv as select id, name from t where id > 2");
    assertEquals(2, s.executeUpdate("copy tv to 'v.csv'"));
    assertEquals("3,\"\"\n4,\"say \"\"hi\"\"\nbye\"\n", read("v.csv"));
    assertEquals("0A000", fails("copy tv from 'v.csv'").getSQLState());
  }
}
