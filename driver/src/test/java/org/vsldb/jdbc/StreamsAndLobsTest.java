package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Stream parameters and getters, Blob and Clob objects, and UUID values. */
class StreamsAndLobsTest {
  private static final String TEXT = "h\u00e9llo \uD83D\uDE00";
  private static final byte[] BYTES = {0, 1, (byte) 0xff, 0x7f};

  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
    c.createStatement().execute(
        "create table t(id int primary key, s varchar(50), b varbinary(50), cl clob, bl blob, u binary(16))");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private interface Setter {
    void set(PreparedStatement p) throws SQLException;
  }

  /** Inserts row {@code id} with the setter filling parameter 2 of {@code insert into t(id, col)}. */
  private ResultSet roundTrip(String col, Setter setter) throws SQLException {
    c.createStatement().execute("delete from t");
    try (PreparedStatement p = c.prepareStatement("insert into t(id, " + col + ") values (1, ?)")) {
      setter.set(p);
      p.executeUpdate();
    }
    ResultSet rs = c.createStatement().executeQuery("select " + col + " from t");
    assertTrue(rs.next());
    return rs;
  }

  private static String read(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int ch; (ch = r.read()) >= 0; ) {
      sb.append((char) ch);
    }
    return sb.toString();
  }

  private static void assertState(String sqlState, Executable e) {
    SQLException x = assertThrows(SQLException.class, e);
    assertEquals(sqlState, x.getSQLState(), x.getMessage());
  }

  @Test
  void characterStream_withAndWithoutLength_comesBackThroughGetCharacterStream() throws Exception {
    assertEquals(TEXT, read(roundTrip("s", p -> p.setCharacterStream(1, new StringReader(TEXT))).getCharacterStream(1)));
    assertEquals("h\u00e9l", roundTrip("s", p -> p.setCharacterStream(1, new StringReader(TEXT), 3)).getString(1));
    assertEquals("h\u00e9", roundTrip("cl", p -> p.setCharacterStream(1, new StringReader(TEXT), 2L)).getString(1));
    assertEquals(TEXT, roundTrip("cl", p -> p.setClob(1, new StringReader(TEXT))).getString(1));
    assertEquals(TEXT, roundTrip("cl", p -> p.setObject(1, new StringReader(TEXT))).getString(1));
  }

  @Test
  void binaryStream_withAndWithoutLength_comesBackThroughGetBinaryStream() throws Exception {
    assertArrayEquals(BYTES, roundTrip("b", p -> p.setBinaryStream(1, new ByteArrayInputStream(BYTES)))
        .getBinaryStream(1).readAllBytes());
    assertArrayEquals(new byte[] {0, 1}, roundTrip("b", p -> p.setBinaryStream(1, new ByteArrayInputStream(BYTES), 2))
        .getBytes(1));
    assertArrayEquals(new byte[] {0, 1, -1}, roundTrip("bl", p -> p.setBlob(1, new ByteArrayInputStream(BYTES), 3L))
        .getBytes(1));
    assertArrayEquals(BYTES, roundTrip("bl", p -> p.setObject(1, new ByteArrayInputStream(BYTES))).getBytes(1));
  }

  @Test
  void asciiStream_readsAndWritesUsAscii() throws Exception {
    byte[] ascii = "plain text".getBytes(StandardCharsets.US_ASCII);
    ResultSet rs = roundTrip("s", p -> p.setAsciiStream(1, new ByteArrayInputStream(ascii)));
    assertArrayEquals(ascii, rs.getAsciiStream(1).readAllBytes());
    assertEquals("plain", roundTrip("s", p -> p.setAsciiStream(1, new ByteArrayInputStream(ascii), 5)).getString(1));
  }

  @Test
  void streams_ofNull_areNull_andWasNullTellsSo() throws SQLException {
    ResultSet rs = roundTrip("s", p -> p.setCharacterStream(1, null));
    assertNull(rs.getCharacterStream(1));
    assertTrue(rs.wasNull());
    assertNull(rs.getAsciiStream(1));
    rs = roundTrip("b", p -> p.setBinaryStream(1, null));
    assertNull(rs.getBinaryStream(1));
    assertNull(rs.getBlob(1));
    assertTrue(rs.wasNull());
  }

  @Test
  void createBlob_isWritable_andStoresWhatWasWritten() throws Exception {
    Blob b = c.createBlob();
    assertEquals(0, b.length());
    b.setBytes(1, new byte[] {1, 2, 3});
    try (OutputStream out = b.setBinaryStream(4)) {
      out.write(new byte[] {4, 5});
    }
    b.setBytes(2, new byte[] {9});
    assertArrayEquals(new byte[] {1, 9, 3, 4, 5}, b.getBytes(1, 10));
    assertEquals(3, b.position(new byte[] {3, 4}, 1));
    assertEquals(-1, b.position(new byte[] {7}, 1));
    b.truncate(4);
    assertArrayEquals(new byte[] {9, 3}, b.getBinaryStream(2, 2).readAllBytes());
    assertArrayEquals(new byte[] {1, 9, 3, 4}, roundTrip("bl", p -> p.setBlob(1, b)).getBlob(1).getBytes(1, 4));
    assertState("22023", () -> b.setBytes(6, new byte[] {1}));
    assertState("22023", () -> b.getBytes(0, 1));
    b.free();
    assertState("08003", b::length);
  }

  @Test
  void createClob_isWritable_andStoresWhatWasWritten() throws Exception {
    Clob cl = c.createClob();
    cl.setString(1, "hello");
    try (Writer w = cl.setCharacterStream(6)) {
      w.write(" world");
    }
    try (OutputStream out = cl.setAsciiStream(1)) {
      out.write('H');
    }
    assertEquals("Hello world", cl.getSubString(1, 100));
    assertEquals(7, cl.position("world", 1));
    assertEquals("ello", read(cl.getCharacterStream(2, 4)));
    cl.truncate(5);
    assertEquals("Hello", roundTrip("cl", p -> p.setClob(1, cl)).getClob(1).getSubString(1, 5));
    assertEquals(TEXT, roundTrip("cl", p -> p.setString(1, TEXT)).getClob(1).getSubString(1, TEXT.length()));
    assertState("22023", () -> cl.setString(7, "x"));
    cl.free();
    assertState("08003", cl::length);
  }

  @Test
  void getBlobAndGetClob_returnDetachedCopies_thatMayBeChanged() throws SQLException {
    ResultSet rs = roundTrip("bl", p -> p.setBytes(1, BYTES));
    Blob b = rs.getBlob(1);
    b.setBytes(1, new byte[] {42});
    assertArrayEquals(BYTES, rs.getBytes(1));
    assertArrayEquals(BYTES, rs.getObject(1, Blob.class).getBytes(1, 4));
    assertEquals(TEXT, roundTrip("cl", p -> p.setString(1, TEXT)).getObject(1, Clob.class).getSubString(1, 20));
  }

  @Test
  void uuid_inABinaryColumn_isItsSixteenBytes_mostSignificantFirst() throws SQLException {
    UUID u = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    ResultSet rs = roundTrip("u", p -> p.setObject(1, u));
    assertEquals(u, rs.getObject(1, UUID.class));
    assertEquals((byte) 0x01, rs.getBytes(1)[0]);
    assertEquals((byte) 0xef, rs.getBytes(1)[15]);
  }

  @Test
  void uuid_inACharacterColumn_isItsText() throws SQLException {
    UUID u = UUID.randomUUID();
    ResultSet rs = roundTrip("s", p -> p.setObject(1, u));
    assertEquals(u.toString(), rs.getString(1));
    assertEquals(u, rs.getObject(1, UUID.class));
  }

  @Test
  void uuid_fromOtherLengthsOrText_fails22018() throws SQLException {
    ResultSet bytes = roundTrip("b", p -> p.setBytes(1, BYTES));
    assertState("22018", () -> bytes.getObject(1, UUID.class));
    ResultSet text = roundTrip("s", p -> p.setString(1, "not-a-uuid"));
    assertState("22018", () -> text.getObject(1, UUID.class));
  }

  @Test
  void streamThatFails_failsTheSetter58030() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("device gone");
      }
    };
    assertState("58030", () -> roundTrip("b", p -> p.setBinaryStream(1, broken)));
  }
}
