package org.vsldb.sql.type;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's Java type factory with UTF-8 as the character set of every character type and
 * literal. Calcite's default, ISO-8859-1, refuses a literal such as {@code '€uro'} ("Failed to
 * encode"). UTF-8 carries every Unicode character, and a cast of text to binary gives its UTF-8
 * bytes, as in H2.
 */
public final class VslTypeFactory extends JavaTypeFactoryImpl {
  public VslTypeFactory() {
    super(VslTypeSystem.INSTANCE);
  }

  @Override
  public Charset getDefaultCharset() {
    return StandardCharsets.UTF_8;
  }
}
