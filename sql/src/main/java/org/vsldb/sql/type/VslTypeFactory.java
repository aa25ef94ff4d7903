package org.vsldb.sql.type;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's Java type factory with UTF-8 as the character set of every character type and
 * literal. Calcite's default, ISO-8859-1, refuses a literal such as {@code '€uro'} ("Failed to
 * encode"). UTF-8 carries every Unicode character, and a cast of text to binary gives its UTF-8
 * bytes, as in H2. A UUID is a {@link java.util.UUID} in generated code (Calcite's factory gives
 * {@code Object}, which its own UUID casts cannot take).
 */
public final class VslTypeFactory extends JavaTypeFactoryImpl {
  public VslTypeFactory() {
    super(VslTypeSystem.INSTANCE);
  }

  @Override
  public java.lang.reflect.Type getJavaClass(org.apache.calcite.rel.type.RelDataType type) {
    if (type instanceof org.apache.calcite.sql.type.BasicSqlType
        && type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.UUID) {
      return java.util.UUID.class;
    }
    return super.getJavaClass(type);
  }

  @Override
  public Charset getDefaultCharset() {
    return StandardCharsets.UTF_8;
  }
}
