package org.vsldb.sql.schema;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code DUAL}, the table of one row that H2 and Oracle offer for {@code SELECT 1 FROM DUAL}: one
 * column {@code DUMMY}, the value {@code 'X'} (as Oracle's). It lives in the root schema, which
 * every statement's name lookup reaches last, so a table a user names DUAL wins; it is not in
 * the catalog, so metadata does not list it.
 */
final class DualTable extends AbstractTable implements ScannableTable {
  static final String NAME = "DUAL";

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return f.builder().add("DUMMY", f.createSqlType(SqlTypeName.VARCHAR, 1)).build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(List.<Object[]>of(new Object[] {"X"}));
  }
}
