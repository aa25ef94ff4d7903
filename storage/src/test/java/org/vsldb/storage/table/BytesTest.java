package org.vsldb.storage.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte strings are immutable values ordered as H2 orders binary strings. */
class BytesTest {
  private static Bytes b(int... v) {
    byte[] a = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      a[i] = (byte) v[i];
    }
    return Bytes.of(a);
  }

  @Test
  void of_copiesTheArray_soChangingItLaterChangesNothing() {
    byte[] a = {1, 2};
    Bytes x = Bytes.of(a);
    a[0] = 9;
    assertEquals(1, x.byteAt(0));
  }

  @Test
  void toByteArray_returnsACopy() {
    Bytes x = b(1, 2);
    x.toByteArray()[0] = 9;
    assertArrayEquals(new byte[] {1, 2}, x.toByteArray());
  }

  @Test
  void compareTo_ordersBytesAsUnsignedNumbers() {
    assertTrue(b(0x80).compareTo(b(0x7f)) > 0, "0x80 follows 0x7F");
    assertTrue(b(0xff).compareTo(b(0x00)) > 0);
    assertTrue(b(0x01, 0xff).compareTo(b(0x02)) < 0);
  }

  @Test
  void compareTo_putsAProperPrefixFirst() {
    assertTrue(b(1).compareTo(b(1, 0)) < 0);
    assertTrue(Bytes.EMPTY.compareTo(b(0)) < 0);
    assertEquals(0, b(1, 2).compareTo(b(1, 2)));
  }

  @Test
  void sortingByNaturalOrder_matchesH2() {
    List<Bytes> list = new ArrayList<>(List.of(b(0xff), b(0x00), b(0x7f), b(0x80), b(0x00, 0x00)));
    list.sort(null);
    assertEquals("[00, 0000, 7f, 80, ff]", list.toString());
  }

  @Test
  void equalsAndHashCode_dependOnContentOnly() {
    assertEquals(b(1, 2), b(1, 2));
    assertEquals(b(1, 2).hashCode(), b(1, 2).hashCode());
    assertNotEquals(b(1, 2), b(1, 2, 0));
  }

  @Test
  void padTo_appendsZeroBytes_andKeepsLongerValues() {
    assertEquals(b(1, 0, 0), b(1).padTo(3));
    Bytes x = b(1, 2, 3);
    assertSame(x, x.padTo(2));
  }

  @Test
  void toString_isLowerCaseHex() {
    assertEquals("0a0bff", b(0x0a, 0x0b, 0xff).toString());
    assertEquals("", Bytes.EMPTY.toString());
  }
}
