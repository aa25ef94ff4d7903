package org.vsldb.sql.type;

import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.util.ByteString;

/** H2's {@code UTF8TOSTRING} and {@code STRINGTOUTF8}; called by generated code, NULL for NULL. */
public final class TextBytes {
  private TextBytes() {}

  /** Bytes read as UTF-8 (a malformed sequence reads as U+FFFD, as H2 reads it). */
  public static String utf8ToString(ByteString bytes) {
    return bytes == null ? null : new String(bytes.getBytes(), StandardCharsets.UTF_8);
  }

  /** Text as its UTF-8 bytes. */
  public static ByteString stringToUtf8(String text) {
    return text == null ? null : new ByteString(text.getBytes(StandardCharsets.UTF_8));
  }
}
