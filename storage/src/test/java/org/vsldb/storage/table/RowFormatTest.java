package org.vsldb.storage.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link RowFormat}: the in-memory row image of docs/FORMATS.md, "In memory: row images". */
class RowFormatTest {
  private static final ColumnType[] TYPES = ColumnType.values();

  private static RowFormat format(ColumnType... types) {
    List<ColumnDef> cols = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      cols.add(new ColumnDef("C" + i, types[i], 0, 0, true));
    }
    return new RowFormat(cols);
  }

  private static Object randomValue(ColumnType t, Random rnd) {
    if (rnd.nextInt(5) == 0) {
      return null;
    }
    return switch (t) {
      case BOOLEAN -> rnd.nextBoolean();
      case TINYINT -> (byte) rnd.nextInt();
      case SMALLINT -> (short) rnd.nextInt();
      case INTEGER, DATE, TIME -> rnd.nextInt();
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> rnd.nextLong();
      case REAL -> rnd.nextInt(10) == 0 ? Float.NaN : Float.intBitsToFloat(rnd.nextInt());
      case DOUBLE -> rnd.nextInt(10) == 0 ? -0.0 : Double.longBitsToDouble(rnd.nextLong());
      case DECIMAL -> new BigDecimal(new BigInteger(rnd.nextInt(300), rnd).multiply(BigInteger.valueOf(rnd.nextBoolean() ? 1 : -1)),
          rnd.nextInt(200) - 100);
      case CHAR, VARCHAR -> randomString(rnd);
      case BINARY, VARBINARY -> {
        byte[] b = new byte[rnd.nextInt(300)];
        rnd.nextBytes(b);
        yield Bytes.wrap(b);
      }
      case UUID -> new java.util.UUID(rnd.nextLong(), rnd.nextLong());
    };
  }

  /** ASCII, Latin-1, other BMP characters, pairs and lone surrogates, lengths across varint sizes. */
  private static String randomString(Random rnd) {
    int n = rnd.nextInt(4) == 0 ? rnd.nextInt(20_000) : rnd.nextInt(40);
    StringBuilder s = new StringBuilder();
    int kind = rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      s.append(kind == 0 ? (char) (32 + rnd.nextInt(95)) : (char) rnd.nextInt(0x10000));
    }
    return s.toString();
  }

  @Test
  void everyTypeWithNulls_roundTripsExactly_wholeRowsAndSingleColumns() {
    Random rnd = new Random(7);
    for (int round = 0; round < 500; round++) {
      int n = 1 + rnd.nextInt(20);
      ColumnType[] types = new ColumnType[n];
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        types[i] = TYPES[rnd.nextInt(TYPES.length)];
        values[i] = randomValue(types[i], rnd);
      }
      RowFormat f = format(types);
      byte[] image = f.encode(values);
      Object[] back = f.decode(image);
      for (int i = 0; i < n; i++) {
        assertEquals(values[i], back[i], "column " + i + " of type " + types[i]);
        assertEquals(values[i], f.value(image, i), "column " + i + " alone");
      }
      org.vsldb.storage.io.ByteSink direct = new org.vsldb.storage.io.ByteSink(64);
      org.vsldb.storage.io.ByteSink viaValues = new org.vsldb.storage.io.ByteSink(64);
      f.writeValues(image, direct);
      org.vsldb.storage.io.ValueCodec.encodeValues(values, viaValues);
      assertArrayEquals(java.util.Arrays.copyOf(viaValues.array(), viaValues.length()),
          java.util.Arrays.copyOf(direct.array(), direct.length()), "the log's encoding of the same values");
      java.nio.ByteBuffer logged = java.nio.ByteBuffer.wrap(viaValues.array(), 0, viaValues.length())
          .order(java.nio.ByteOrder.LITTLE_ENDIAN);
      assertArrayEquals(image, f.readImage(logged), "the image read back from the log's encoding");
      assertFalse(logged.hasRemaining(), "readImage stops at the end of the values");
      boolean[] some = new boolean[n];
      for (int i = 0; i < n; i++) {
        some[i] = rnd.nextBoolean();
      }
      Object[] partial = f.decode(image, some);
      for (int i = 0; i < n; i++) {
        assertEquals(some[i] ? values[i] : null, partial[i], "column " + i + " decoded only when marked");
      }
    }
  }

  private static java.nio.ByteBuffer logged(Object... values) {
    org.vsldb.storage.io.ByteSink out = new org.vsldb.storage.io.ByteSink(64);
    org.vsldb.storage.io.ValueCodec.encodeValues(values, out);
    return java.nio.ByteBuffer.wrap(out.array(), 0, out.length()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void readImage_convertsAnotherNumericRepresentation_asEncodeDoes() {
    RowFormat f = format(ColumnType.BIGINT, ColumnType.TINYINT, ColumnType.DOUBLE, ColumnType.VARCHAR);
    Object[] values = {7, 300L, 2.5f, "x"};
    assertArrayEquals(f.encode(values), f.readImage(logged(values)));
    assertArrayEquals(new Object[] {7L, (byte) 44, 2.5, "x"}, f.decode(f.readImage(logged(values))));
  }

  @Test
  void readImage_refusesValuesThatDoNotFitTheColumns() {
    RowFormat f = format(ColumnType.INTEGER, ColumnType.VARCHAR);
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
        () -> f.readImage(logged("1", "a")));
    assertTrue(wrongType.getMessage().contains("column 1"), wrongType.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.readImage(logged(1, 2)), "a number in a VARCHAR column");
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> f.readImage(logged(1)));
    assertTrue(count.getMessage().contains("1 values for 2 columns"), count.getMessage());
    java.nio.ByteBuffer cut = logged(1, "abcdef");
    cut.limit(cut.limit() - 2);
    assertThrows(RuntimeException.class, () -> f.readImage(cut), "values cut short");
  }

  @Test
  void sameBytes_comparesOnlyTheGivenColumns_andNullsAsEqual() {
    RowFormat f = format(ColumnType.INTEGER, ColumnType.VARCHAR, ColumnType.DOUBLE, ColumnType.VARCHAR);
    byte[] a = f.encode(new Object[] {1, "key", 2.0, null});
    byte[] b = f.encode(new Object[] {1, "key", 3.5, null});
    byte[] c = f.encode(new Object[] {1, "kez", 2.0, "x"});
    assertTrue(f.sameBytes(a, b, new int[] {0, 1, 3}));
    assertFalse(f.sameBytes(a, b, new int[] {2}));
    assertFalse(f.sameBytes(a, c, new int[] {1}));
    assertFalse(f.sameBytes(a, c, new int[] {3}), "NULL against a value");
    assertTrue(f.sameBytes(a, c, new int[] {0, 2}));
  }

  @Test
  void integral_readsEachIntegralColumn_asTheLongThatValueBoxes_afterNullsAndStrings() {
    RowFormat f = format(ColumnType.VARCHAR, ColumnType.TINYINT, ColumnType.SMALLINT, ColumnType.INTEGER,
        ColumnType.DATE, ColumnType.TIME, ColumnType.BIGINT, ColumnType.TIMESTAMP, ColumnType.DOUBLE);
    Object[][] rows = {
      {"a string first", (byte) -7, (short) -300, Integer.MIN_VALUE, 19_000, 86_399_999, Long.MAX_VALUE, -1L, 2.5},
      {null, Byte.MAX_VALUE, Short.MAX_VALUE, 42, -1, 0, Long.MIN_VALUE, 1_700_000_000_000L, null},
    };
    for (Object[] row : rows) {
      byte[] image = f.encode(row);
      for (int c = 1; c <= 7; c++) {
        assertEquals(((Number) f.value(image, c)).longValue(), f.integral(image, c), "column " + c);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> f.integral(f.encode(rows[0]), 8));
  }

  @Test
  void theTypicalRow_takesSixtyFourBytes() {
    RowFormat f = format(ColumnType.INTEGER, ColumnType.VARCHAR, ColumnType.VARCHAR, ColumnType.DOUBLE, ColumnType.TIMESTAMP);
    byte[] image = f.encode(new Object[] {7, "customer-100000000007", "city-number-10000007", 1.75, 1_700_000_000_000L});
    assertEquals(64, image.length);
    assertEquals(0, image[0], "no NULLs");
    assertArrayEquals(new byte[] {0, 0, 0, 7}, java.util.Arrays.copyOfRange(image, 1, 5));
    assertEquals(21 << 1 | 1, image[5], "an ASCII string of 21 bytes");
  }

  @Test
  void nulls_areBitsInTheBitmap_andTakeNoOtherSpace() {
    RowFormat f = format(ColumnType.INTEGER, ColumnType.VARCHAR, ColumnType.INTEGER);
    byte[] image = f.encode(new Object[] {null, null, 5});
    assertEquals(1 + 4, image.length);
    assertEquals(0b011, image[0]);
    assertNull(f.value(image, 1));
    assertEquals(5, f.value(image, 2));
  }

  @Test
  void valuesOfTheWrongClass_areRefusedBeforeTheyReachAnImage() {
    assertTrue(RowFormat.accepts(ColumnType.INTEGER, 5L), "numbers convert to the column's width");
    assertFalse(RowFormat.accepts(ColumnType.INTEGER, "5"));
    assertFalse(RowFormat.accepts(ColumnType.VARCHAR, 5));
    assertFalse(RowFormat.accepts(ColumnType.VARBINARY, new byte[1]));
    RowFormat f = format(ColumnType.INTEGER);
    assertThrows(IllegalArgumentException.class, () -> f.encode(new Object[] {1, 2}));
  }
}
