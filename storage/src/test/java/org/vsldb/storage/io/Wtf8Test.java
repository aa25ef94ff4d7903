package org.vsldb.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Strings in the log and snapshot (docs/FORMATS.md, "Conventions") read back exactly. */
class Wtf8Test {
  @Test
  void validUnicode_isPlainUtf8() {
    String s = "a€😀\u0000\uFEFF";
    assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Wtf8.encode(s));
    assertEquals(s, Wtf8.decode(Wtf8.encode(s)));
  }

  @Test
  void loneSurrogates_readBackExactly_whereUtf8WouldGiveQuestionMarks() {
    for (String s : new String[] {"\uD800", "\uDC00", "a\uD800b", "\uDC00\uD800", "😀\uD83D", "\uDE00😀x",
        "\uD800\uD800\uDC00"}) {
      assertEquals(s, Wtf8.decode(Wtf8.encode(s)), () -> s.codePoints().mapToObj(Integer::toHexString).toList().toString());
    }
  }

  @Test
  void loneSurrogate_takesTheThreeBytesOfItsCodeUnit() {
    assertArrayEquals(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, Wtf8.encode("a\uD800"));
  }
}
