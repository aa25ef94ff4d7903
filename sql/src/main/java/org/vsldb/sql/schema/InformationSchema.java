package org.vsldb.sql.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.ddl.TypeText;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.CheckDef;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.TableDef;
import org.vsldb.storage.table.ViewDef;

/**
 * The read-only schema {@code INFORMATION_SCHEMA}: views of the catalog as the SQL standard (and
 * H2) names them. Each is computed from the catalog when it is read. vsl has no catalogs, so the
 * {@code *_CATALOG} columns are NULL, as in {@code DatabaseMetaData}.
 */
public final class InformationSchema extends AbstractSchema {
  /** The schema's name. */
  public static final String NAME = "INFORMATION_SCHEMA";

  private final Map<String, Table> tables = new HashMap<>();

  public InformationSchema(Catalog catalog) {
    add("SCHEMATA", List.of("CATALOG_NAME", "SCHEMA_NAME"), c -> {
      List<Object[]> rows = new ArrayList<>();
      c.schemaNames().stream().sorted().forEach(s -> rows.add(new Object[] {null, s}));
      rows.add(new Object[] {null, NAME});
      return rows;
    }, catalog);
    add("TABLES", List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        rows.add(new Object[] {null, t.def().schema(), t.def().name(), "BASE TABLE"});
      }
      for (ViewDef v : c.views()) {
        rows.add(new Object[] {null, v.schema(), v.name(), "VIEW"});
      }
      return rows;
    }, catalog);
    add("VIEWS", List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (ViewDef v : c.views()) {
        rows.add(new Object[] {null, v.schema(), v.name(), v.sql()});
      }
      return rows;
    }, catalog);
    add("SEQUENCES", List.of("SEQUENCE_CATALOG", "SEQUENCE_SCHEMA", "SEQUENCE_NAME", "DATA_TYPE",
        "NUMERIC_PRECISION:INTEGER", "NUMERIC_PRECISION_RADIX:INTEGER", "NUMERIC_SCALE:INTEGER",
        "START_VALUE:BIGINT", "MINIMUM_VALUE:BIGINT", "MAXIMUM_VALUE:BIGINT", "INCREMENT:BIGINT",
        "CYCLE_OPTION", "BASE_VALUE:BIGINT", "CACHE:BIGINT"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Sequence q : c.sequences()) {
        org.vsldb.storage.table.SequenceDef d = q.def();
        org.vsldb.storage.table.SequenceState state = q.current();
        int bits = switch (d.dataType()) {
          case "TINYINT" -> 8;
          case "SMALLINT" -> 16;
          case "INTEGER" -> 32;
          default -> 64;
        };
        rows.add(new Object[] {null, d.schema(), d.name(), d.dataType(), bits, 2, 0, d.start(), d.min(), d.max(),
            d.increment(), d.cycle() ? "YES" : "NO", state.exhausted() ? null : state.next(), d.cache()});
      }
      return rows;
    }, catalog);
    add("COLUMNS", List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
        "ORDINAL_POSITION:INTEGER", "COLUMN_DEFAULT", "IS_NULLABLE", "DATA_TYPE",
        "CHARACTER_MAXIMUM_LENGTH:INTEGER", "NUMERIC_PRECISION:INTEGER", "NUMERIC_SCALE:INTEGER",
        "IS_IDENTITY", "IDENTITY_GENERATION", "IDENTITY_START:BIGINT", "IDENTITY_INCREMENT:BIGINT"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        List<ColumnDef> cols = t.def().columns();
        for (int i = 0; i < cols.size(); i++) {
          ColumnDef col = cols.get(i);
          ColumnDef.Identity id = col.identity();
          rows.add(new Object[] {null, t.def().schema(), t.def().name(), col.name(), i + 1,
              col.defaultSql(), col.nullable() ? "YES" : "NO", TypeText.of(col),
              (col.type().isCharacter() || col.type().isBinary()) && col.precision() >= 0 ? col.precision() : null,
              col.type() == org.vsldb.storage.table.ColumnType.DECIMAL && col.precision() >= 0 ? col.precision() : null,
              col.type() == org.vsldb.storage.table.ColumnType.DECIMAL && col.scale() >= 0 ? col.scale() : null,
              id == null ? "NO" : "YES", id == null ? null : id.always() ? "ALWAYS" : "BY DEFAULT",
              id == null ? null : id.start(), id == null ? null : id.increment()});
        }
      }
      return rows;
    }, catalog);
    add("TABLE_CONSTRAINTS", List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
        "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_TYPE"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        TableDef d = t.def();
        if (d.hasPrimaryKey()) {
          rows.add(constraint(d, d.primaryKeyName(), "PRIMARY KEY"));
        }
        d.indexes().stream().filter(IndexDef::isUniqueConstraint).forEach(i -> rows.add(constraint(d, i.name(), "UNIQUE")));
        d.foreignKeys().forEach(f -> rows.add(constraint(d, f.name(), "FOREIGN KEY")));
        d.checks().forEach(k -> rows.add(constraint(d, k.name(), "CHECK")));
      }
      return rows;
    }, catalog);
    add("KEY_COLUMN_USAGE", List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
        "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION:INTEGER",
        "POSITION_IN_UNIQUE_CONSTRAINT:INTEGER"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        TableDef d = t.def();
        keyColumns(rows, d, d.primaryKeyName(), d.primaryKey(), null);
        d.indexes().stream().filter(IndexDef::isUniqueConstraint)
            .forEach(i -> keyColumns(rows, d, i.name(), i.columns(), null));
        for (ForeignKeyDef f : d.foreignKeys()) {
          keyColumns(rows, d, f.name(), f.columns(), f.refColumns().length == 0 ? null : f);
        }
      }
      return rows;
    }, catalog);
    add("REFERENTIAL_CONSTRAINTS", List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
        "UNIQUE_CONSTRAINT_CATALOG", "UNIQUE_CONSTRAINT_SCHEMA", "UNIQUE_CONSTRAINT_NAME",
        "UPDATE_RULE", "DELETE_RULE"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        for (ForeignKeyDef f : t.def().foreignKeys()) {
          org.vsldb.storage.table.Table parent = c.table(f.refTableId());
          String unique = parent == null ? null : referencedConstraint(parent.def(), f.refColumns());
          rows.add(new Object[] {null, t.def().schema(), f.name(), null,
              parent == null ? null : parent.def().schema(), unique, f.onUpdate().sql(), f.onDelete().sql()});
        }
      }
      return rows;
    }, catalog);
    add("CHECK_CONSTRAINTS", List.of("CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME",
        "CHECK_CLAUSE"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        for (CheckDef k : t.def().checks()) {
          rows.add(new Object[] {null, t.def().schema(), k.name(), k.sql()});
        }
      }
      return rows;
    }, catalog);
    add("INDEXES", List.of("INDEX_CATALOG", "INDEX_SCHEMA", "INDEX_NAME", "TABLE_CATALOG",
        "TABLE_SCHEMA", "TABLE_NAME", "INDEX_TYPE_NAME", "IS_GENERATED"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        TableDef d = t.def();
        if (d.hasPrimaryKey()) {
          rows.add(new Object[] {null, d.schema(), d.primaryKeyName(), null, d.schema(), d.name(), "PRIMARY KEY", "TRUE"});
        }
        for (IndexDef i : d.indexes()) {
          rows.add(new Object[] {null, d.schema(), i.name(), null, d.schema(), d.name(),
              i.unique() ? "UNIQUE INDEX" : "INDEX", i.constraint() != null ? "TRUE" : "FALSE"});
        }
      }
      return rows;
    }, catalog);
    add("INDEX_COLUMNS", List.of("INDEX_CATALOG", "INDEX_SCHEMA", "INDEX_NAME", "TABLE_CATALOG",
        "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION:INTEGER", "IS_UNIQUE"), c -> {
      List<Object[]> rows = new ArrayList<>();
      for (org.vsldb.storage.table.Table t : c.tables()) {
        TableDef d = t.def();
        int[] pk = d.primaryKey();
        for (int k = 0; k < pk.length; k++) {
          rows.add(new Object[] {null, d.schema(), d.primaryKeyName(), null, d.schema(), d.name(),
              d.columns().get(pk[k]).name(), k + 1, "TRUE"});
        }
        for (IndexDef i : d.indexes()) {
          int[] cols = i.columns();
          for (int k = 0; k < cols.length; k++) {
            rows.add(new Object[] {null, d.schema(), i.name(), null, d.schema(), d.name(),
                d.columns().get(cols[k]).name(), k + 1, i.unique() ? "TRUE" : "FALSE"});
          }
        }
      }
      return rows;
    }, catalog);
  }

  private static Object[] constraint(TableDef d, String name, String type) {
    return new Object[] {null, d.schema(), name, null, d.schema(), d.name(), type};
  }

  private static void keyColumns(List<Object[]> rows, TableDef d, String name, int[] cols, ForeignKeyDef fk) {
    for (int k = 0; k < cols.length; k++) {
      rows.add(new Object[] {null, d.schema(), name, null, d.schema(), d.name(),
          d.columns().get(cols[k]).name(), k + 1, fk == null ? null : k + 1});
    }
  }

  /** The name of the primary key or UNIQUE constraint on exactly {@code cols}, or null. */
  public static String referencedConstraint(TableDef parent, int[] cols) {
    if (java.util.Arrays.equals(parent.primaryKey(), cols)) {
      return parent.primaryKeyName();
    }
    for (IndexDef i : parent.indexes()) {
      if (i.unique() && java.util.Arrays.equals(i.columns(), cols)) {
        return i.name();
      }
    }
    return null;
  }

  private void add(String name, List<String> columns, Function<Catalog, List<Object[]>> rows, Catalog catalog) {
    tables.put(name, new View(columns, () -> rows.apply(catalog)));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  /** One view: fixed columns ({@code NAME} is VARCHAR, {@code NAME:TYPE} another type), rows on demand. */
  private static final class View extends AbstractTable implements ScannableTable {
    private final List<String> columns;
    private final java.util.function.Supplier<List<Object[]>> rows;

    View(List<String> columns, java.util.function.Supplier<List<Object[]>> rows) {
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      RelDataTypeFactory.Builder b = f.builder();
      for (String c : columns) {
        int colon = c.indexOf(':');
        SqlTypeName type = colon < 0 ? SqlTypeName.VARCHAR : SqlTypeName.valueOf(c.substring(colon + 1));
        b.add(colon < 0 ? c : c.substring(0, colon), f.createTypeWithNullability(f.createSqlType(type), true));
      }
      return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows.get());
    }
  }
}
