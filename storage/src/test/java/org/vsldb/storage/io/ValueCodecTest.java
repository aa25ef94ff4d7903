package org.vsldb.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vsldb.storage.table.Bytes;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.TableDef;

/** Values and table definitions encode as docs/FORMATS.md, "Values" and "Table definition", say. */
class ValueCodecTest {
  private static byte[] encode(Object v) {
    ByteSink out = new ByteSink(16);
    ValueCodec.encodeValue(v, out);
    return Arrays.copyOf(out.array(), out.length());
  }

  private static ByteBuffer buffer(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The backquoted byte sequences of the paragraph of FORMATS.md that starts with {@code start}. */
  private static List<byte[]> documentExamples(String start) throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "FORMATS.md"));
    int from = doc.indexOf(start);
    int to = doc.indexOf("\n\n", from);
    Matcher m = Pattern.compile("`([0-9a-f]{2}(?: [0-9a-f]{2})*)`").matcher(doc.substring(from, to));
    List<byte[]> out = new ArrayList<>();
    while (m.find()) {
      out.add(HexFormat.ofDelimiter(" ").parseHex(m.group(1)));
    }
    return out;
  }

  @Test
  void documentExamples_ofBinaryInstantAndUuidValues_decodeAndEncodeAsWritten() throws Exception {
    List<byte[]> ex = documentExamples("Example: the VARBINARY value");
    assertEquals(3, ex.size());
    java.util.UUID u = java.util.UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");
    assertEquals(u, ValueCodec.decodeValue(buffer(ex.get(2))));
    assertArrayEquals(ex.get(2), encode(u));
    assertEquals(Bytes.of(new byte[] {0x0a, 0x0b}), ValueCodec.decodeValue(buffer(ex.get(0))));
    assertArrayEquals(ex.get(0), encode(Bytes.of(new byte[] {0x0a, 0x0b})));
    assertEquals(1_704_067_200_000L, ValueCodec.decodeValue(buffer(ex.get(1))));
    assertArrayEquals(ex.get(1), encode(1_704_067_200_000L));
  }

  @Test
  void binaryValue_roundTripsIncludingEmptyAndHighBytes() {
    for (byte[] b : new byte[][] {{}, {0}, {(byte) 0xff, (byte) 0x80, 0x7f}}) {
      assertEquals(Bytes.of(b), ValueCodec.decodeValue(buffer(encode(Bytes.of(b)))));
    }
  }

  @Test
  void binaryTypeTag_decodesToBytes() {
    byte[] tagged = {(byte) ColumnType.BINARY.code(), 1, 0, 0, 0, 5};
    assertEquals(Bytes.of(new byte[] {5}), ValueCodec.decodeValue(buffer(tagged)));
  }

  @Test
  void binaryValue_withALengthBeyondThePayload_isRejected() {
    byte[] bad = {15, 9, 0, 0, 0, 1};
    assertThrows(IllegalArgumentException.class, () -> ValueCodec.decodeValue(buffer(bad)));
  }

  @Test
  void tableDefinition_withTheNewColumnTypes_roundTrips() {
    TableDef def = new TableDef("PUBLIC", "T", List.of(
        new ColumnDef("B", ColumnType.BINARY, 4, -1, false),
        new ColumnDef("V", ColumnType.VARBINARY, -1, -1, true),
        new ColumnDef("TS", ColumnType.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, -1, true)), new int[] {0});
    ByteSink out = new ByteSink(64);
    ValueCodec.encodeTableDef(def, out);
    assertEquals(def, ValueCodec.decodeTableDef(buffer(Arrays.copyOf(out.array(), out.length()))));
  }

  @Test
  void foreignKeyActions_roundTrip_inTheDocumentedCountActionsWord() {
    ColumnDef a = new ColumnDef("A", ColumnType.INTEGER, -1, -1, true);
    ColumnDef b = new ColumnDef("B", ColumnType.INTEGER, -1, -1, true);
    for (ForeignKeyDef.Action onDelete : ForeignKeyDef.Action.values()) {
      for (ForeignKeyDef.Action onUpdate : ForeignKeyDef.Action.values()) {
        TableDef def = new TableDef("PUBLIC", "T", List.of(a, b), new int[0], null, List.of(), List.of(),
            List.of(new ForeignKeyDef("FK", new int[] {0, 1}, 7, new int[] {1, 0}, onDelete, onUpdate)));
        ByteSink out = new ByteSink(64);
        ValueCodec.encodeTableDef(def, out);
        byte[] bytes = Arrays.copyOf(out.array(), out.length());
        assertEquals(def, ValueCodec.decodeTableDef(buffer(bytes)));
        // docs/FORMATS.md, "Table definition": after the key's name, count | onDelete << 16 | onUpdate << 20
        int at = bytes.length - (4 + 4 + 4 + 4 + 4 + 4 + 4);
        int word = buffer(Arrays.copyOfRange(bytes, at, at + 4)).getInt();
        assertEquals(2 | onDelete.code() << 16 | onUpdate.code() << 20, word);
      }
    }
    assertEquals(0, ForeignKeyDef.Action.RESTRICT.code());
    assertEquals(1, ForeignKeyDef.Action.CASCADE.code());
    assertEquals(2, ForeignKeyDef.Action.SET_NULL.code());
  }

  @Test
  void foreignKeyWithAnUnknownAction_isRefusedAsDamage() {
    TableDef def = new TableDef("PUBLIC", "T", List.of(new ColumnDef("A", ColumnType.INTEGER, -1, -1, true)),
        new int[0], null, List.of(), List.of(), List.of(new ForeignKeyDef("FK", new int[] {0}, 7, new int[] {0})));
    ByteSink out = new ByteSink(64);
    ValueCodec.encodeTableDef(def, out);
    byte[] bytes = Arrays.copyOf(out.array(), out.length());
    int at = bytes.length - (4 + 4 + 4 + 4 + 4);
    bytes[at + 2] = 0x07; // ON DELETE action 7
    assertThrows(IllegalArgumentException.class, () -> ValueCodec.decodeTableDef(buffer(bytes)));
  }

  @Test
  void columnTypeCodes_areTheDocumentedOnes() {
    assertEquals(14, ColumnType.BINARY.code());
    assertEquals(15, ColumnType.VARBINARY.code());
    assertEquals(16, ColumnType.TIMESTAMP_WITH_LOCAL_TIME_ZONE.code());
    assertEquals(ColumnType.TIMESTAMP_WITH_LOCAL_TIME_ZONE, ColumnType.fromCode(16));
    assertEquals(17, ColumnType.UUID.code());
    assertEquals(ColumnType.UUID, ColumnType.fromCode(17));
  }

}
