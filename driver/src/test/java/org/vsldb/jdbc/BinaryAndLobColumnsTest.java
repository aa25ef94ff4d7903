package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BINARY, VARBINARY, BLOB and CLOB columns through JDBC. */
class BinaryAndLobColumnsTest {
  private static final byte[] HIGH = {(byte) 0xff, 0x00, (byte) 0x80, 0x7f};

  @TempDir Path tmp;
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
    c.createStatement().execute(
        "create table t(id int primary key, f binary(4), v varbinary(8), b blob, cl clob)");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void insert(int id, byte[] v) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into t(id, v) values (?, ?)")) {
      ps.setInt(1, id);
      ps.setBytes(2, v);
      ps.executeUpdate();
    }
  }

  private ResultSet row(int id) throws SQLException {
    ResultSet rs = c.createStatement().executeQuery("select * from t where id = " + id);
    assertTrue(rs.next());
    return rs;
  }

  @Test
  void varbinary_roundTripsThroughSetBytesAndGetBytes() throws SQLException {
    insert(1, HIGH);
    insert(2, new byte[0]);
    insert(3, null);
    assertArrayEquals(HIGH, row(1).getBytes("V"));
    assertArrayEquals(new byte[0], row(2).getBytes("V"));
    ResultSet rs = row(3);
    assertNull(rs.getBytes("V"));
    assertTrue(rs.wasNull());
  }

  @Test
  void setBytes_copiesTheArray_soLaterChangesDoNotReachTheDatabase() throws SQLException {
    byte[] b = {1, 2};
    try (PreparedStatement ps = c.prepareStatement("insert into t(id, v) values (1, ?)")) {
      ps.setBytes(1, b);
      b[0] = 9;
      ps.executeUpdate();
    }
    assertArrayEquals(new byte[] {1, 2}, row(1).getBytes("V"));
  }

  @Test
  void getObject_ofABinaryColumn_isAByteArray_andMetadataSaysSo() throws SQLException {
    insert(1, HIGH);
    ResultSet rs = c.createStatement().executeQuery("select f, v from t where id = 1");
    ResultSetMetaData md = rs.getMetaData();
    assertEquals(Types.BINARY, md.getColumnType(1));
    assertEquals("BINARY", md.getColumnTypeName(1));
    assertEquals(4, md.getPrecision(1));
    assertEquals(Types.VARBINARY, md.getColumnType(2));
    assertEquals("VARBINARY", md.getColumnTypeName(2));
    assertEquals("[B", md.getColumnClassName(2));
    assertTrue(rs.next());
    assertArrayEquals(HIGH, (byte[]) rs.getObject(2));
    assertArrayEquals(HIGH, rs.getObject(2, byte[].class));
  }

  @Test
  void setObject_withAByteArray_isABinaryValue() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into t(id, v) values (1, ?)")) {
      ps.setObject(1, HIGH);
      ps.executeUpdate();
    }
    assertArrayEquals(HIGH, row(1).getBytes("V"));
  }

  @Test
  void binaryParameter_findsTheRowByPrimaryKey() throws SQLException {
    c.createStatement().execute("create table k(k varbinary(4) primary key, n int)");
    c.createStatement().execute("insert into k values (X'ff008000', 1), (X'7f', 2)");
    try (PreparedStatement ps = c.prepareStatement("select n from k where k = ?")) {
      ps.setBytes(1, new byte[] {(byte) 0xff, 0, (byte) 0x80, 0});
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      ps.setBytes(1, new byte[] {(byte) 0xff});
      assertFalse(ps.executeQuery().next());
    }
  }

  @Test
  void binaryParameter_longerThanTheColumn_matchesNoRow() throws SQLException {
    insert(1, new byte[] {1, 2});
    try (PreparedStatement ps = c.prepareStatement("select id from t where v = ?")) {
      ps.setBytes(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
      assertFalse(ps.executeQuery().next());
      ps.setBytes(1, new byte[] {1, 2});
      assertTrue(ps.executeQuery().next());
    }
  }

  @Test
  void binaryFixedLength_padsWithZeroBytes_andRejectsLongerValues() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into t(id, f) values (?, ?)")) {
      ps.setInt(1, 1);
      ps.setBytes(2, new byte[] {1});
      ps.executeUpdate();
      ps.setInt(1, 2);
      ps.setBytes(2, new byte[] {1, 2, 3, 4, 5});
      SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
      assertEquals("22001", e.getSQLState());
    }
    assertArrayEquals(new byte[] {1, 0, 0, 0}, row(1).getBytes("F"));
  }

  @Test
  void varbinaryParameter_longerThanTheColumn_failsWith22001() throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> insert(1, new byte[9]));
    assertEquals("22001", e.getSQLState());
  }

  @Test
  void getString_ofABinaryColumn_decodesUtf8_asH2Does() throws SQLException {
    insert(1, "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("héllo", row(1).getString("V"));
  }

  @Test
  void blob_roundTripsThroughBytesStreamsAndBlobObjects() throws Exception {
    try (PreparedStatement ps = c.prepareStatement("insert into t(id, b) values (?, ?)")) {
      ps.setInt(1, 1);
      ps.setBytes(2, HIGH);
      ps.executeUpdate();
      ps.setInt(1, 2);
      ps.setBinaryStream(2, new ByteArrayInputStream(HIGH));
      ps.executeUpdate();
      ps.setInt(1, 3);
      ps.setBlob(2, new SerialBlob(HIGH));
      ps.executeUpdate();
      ps.setInt(1, 4);
      ps.setBlob(2, new ByteArrayInputStream(HIGH), HIGH.length);
      ps.executeUpdate();
    }
    for (int id = 1; id <= 4; id++) {
      ResultSet rs = row(id);
      assertArrayEquals(HIGH, rs.getBytes("B"), "row " + id);
      Blob blob = rs.getBlob("B");
      assertEquals(HIGH.length, blob.length());
      assertArrayEquals(HIGH, blob.getBytes(1, HIGH.length));
      assertArrayEquals(HIGH, rs.getBinaryStream("B").readAllBytes());
    }
  }

  @Test
  void clob_roundTripsThroughStringsReadersAndClobObjects() throws SQLException {
    String text = "a longer text: ünïcödé";
    try (PreparedStatement ps = c.prepareStatement("insert into t(id, cl) values (?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, text);
      ps.executeUpdate();
      ps.setInt(1, 2);
      ps.setClob(2, new StringReader(text));
      ps.executeUpdate();
      ps.setInt(1, 3);
      ps.setClob(2, new SerialClob(text.toCharArray()));
      ps.executeUpdate();
      ps.setInt(1, 4);
      ps.setObject(2, new SerialClob(text.toCharArray()));
      ps.executeUpdate();
    }
    for (int id = 1; id <= 4; id++) {
      ResultSet rs = row(id);
      assertEquals(text, rs.getString("CL"), "row " + id);
      assertEquals(text, rs.getObject("CL"));
      Clob clob = rs.getClob("CL");
      assertEquals(text, clob.getSubString(1, (int) clob.length()));
    }
  }

  @Test
  void clobAndBlob_areVarcharAndVarbinary_inTheMetadata() throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> types = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, "PUBLIC", "T", null)) {
      while (rs.next()) {
        types.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " " + rs.getInt("DATA_TYPE"));
      }
    }
    assertEquals(List.of("ID INTEGER 4", "F BINARY -2", "V VARBINARY -3", "B VARBINARY -3", "CL VARCHAR 12"), types);
    ResultSet info = c.createStatement().executeQuery(
        "select column_name, data_type, character_maximum_length from information_schema.columns"
            + " where table_name = 'T' and column_name in ('F', 'V') order by column_name");
    assertTrue(info.next());
    assertEquals("BINARY(4)", info.getString(2));
    assertEquals(4, info.getInt(3));
    assertTrue(info.next());
    assertEquals("VARBINARY(8)", info.getString(2));
  }

  @Test
  void declaredLengths_beyond65536_areKept() throws SQLException {
    c.createStatement().execute("create table w(b varbinary(100000), c clob(100000))");
    ResultSet rs = c.createStatement().executeQuery("select b, c from w");
    assertEquals(100000, rs.getMetaData().getPrecision(1));
    assertEquals(100000, rs.getMetaData().getPrecision(2));
    try (PreparedStatement ps = c.prepareStatement("insert into w values (?, ?)")) {
      ps.setBytes(1, new byte[70000]);
      ps.setString(2, "x".repeat(70000));
      ps.executeUpdate();
    }
    rs = c.createStatement().executeQuery("select b, c from w");
    assertTrue(rs.next());
    assertEquals(70000, rs.getBytes(1).length);
    assertEquals(70000, rs.getString(2).length());
  }

  @Test
  void typeInfo_listsTheBinaryTypesAndTheLargeObjectNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTypeInfo()) {
      while (rs.next()) {
        names.add(rs.getString("TYPE_NAME") + " " + rs.getInt("DATA_TYPE"));
      }
    }
    assertTrue(names.containsAll(List.of("BINARY -2", "VARBINARY -3", "BLOB 2004", "CLOB 2005",
        "TIMESTAMP WITH LOCAL TIME ZONE 2014")), names.toString());
  }

  @Test
  void binaryAndLobValues_surviveCloseAndReopenOfAFileDatabase() throws SQLException {
    String url = "jdbc:vsl:" + tmp.resolve("db");
    try (Connection f = DriverManager.getConnection(url)) {
      Statement s = f.createStatement();
      s.execute("create table t(k varbinary(4) primary key, f binary(3), b blob, cl clob)");
      try (PreparedStatement ps = f.prepareStatement("insert into t values (?, ?, ?, ?)")) {
        ps.setBytes(1, HIGH);
        ps.setBytes(2, new byte[] {7});
        ps.setBytes(3, new byte[] {1, 2, 3});
        ps.setString(4, "clob text");
        ps.executeUpdate();
      }
      s.execute("insert into t values (X'01', null, null, null)");
    }
    try (Connection f = DriverManager.getConnection(url)) {
      ResultSet rs = f.createStatement().executeQuery("select * from t where k = X'ff00807f'");
      assertTrue(rs.next());
      assertArrayEquals(HIGH, rs.getBytes(1));
      assertArrayEquals(new byte[] {7, 0, 0}, rs.getBytes(2));
      assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(3));
      assertEquals("clob text", rs.getString(4));
      rs = f.createStatement().executeQuery("select k, f from t order by k");
      assertTrue(rs.next());
      assertArrayEquals(new byte[] {1}, rs.getBytes(1));
      assertNull(rs.getBytes(2));
      assertTrue(rs.next());
      assertFalse(rs.next());
    }
  }
}
