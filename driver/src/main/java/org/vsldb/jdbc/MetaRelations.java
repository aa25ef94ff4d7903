package org.vsldb.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.SqlEngine;
import org.vsldb.sql.schema.InformationSchema;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.ViewDef;

/**
 * The relations {@link DatabaseMetaData} describes: tables ({@code TABLE}), views ({@code VIEW})
 * and the tables of {@code INFORMATION_SCHEMA} ({@code SYSTEM TABLE}), with their columns; and
 * the schemas that hold them.
 */
final class MetaRelations {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    PlannerPreload.await();
  }

  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";

  /** The values of TABLE_TYPE, in the order getTableTypes returns them. */
  static final List<String> TYPES = List.of(SYSTEM_TABLE, TABLE, VIEW);

  private MetaRelations() {}

  /** One relation: a stored table (with {@code table} set), a view or a system table. */
  record Relation(String schema, String name, String type, Table table) {}

  /** Every relation whose schema and name match the JDBC patterns and whose type is in {@code types}. */
  static List<Relation> find(SqlEngine engine, String schemaPattern, String namePattern, Set<String> types)
      throws java.sql.SQLException {
    Catalog catalog = engine.catalog();
    List<Relation> out = new ArrayList<>();
    if (types.contains(TABLE)) {
      for (Table t : catalog.tables()) {
        out.add(new Relation(t.def().schema(), t.def().name(), TABLE, t));
      }
    }
    if (types.contains(VIEW)) {
      for (ViewDef v : catalog.views()) {
        out.add(new Relation(v.schema(), v.name(), VIEW, null));
      }
    }
    if (types.contains(SYSTEM_TABLE)) {
      for (String name : engine.systemTableNames()) {
        out.add(new Relation(InformationSchema.NAME, name, SYSTEM_TABLE, null));
      }
    }
    out.removeIf(r -> !MetaResults.matches(schemaPattern, r.schema()) || !MetaResults.matches(namePattern, r.name()));
    out.sort(Comparator.comparing(Relation::schema).thenComparing(Relation::name));
    return out;
  }

  /** The table types a getTables call asks for: null means all; names compare ignoring case. */
  static Set<String> types(String[] requested) {
    Set<String> types = new TreeSet<>();
    if (requested == null) {
      types.addAll(TYPES);
    } else {
      for (String t : requested) {
        if (t != null && TYPES.contains(t.toUpperCase(Locale.ROOT))) {
          types.add(t.toUpperCase(Locale.ROOT));
        }
      }
    }
    return types;
  }

  static final String[] TABLE_COLUMNS = {
    "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME",
    "SELF_REFERENCING_COL_NAME", "REF_GENERATION"
  };

  static ResultSet tables(SqlEngine engine, String catalog, String schemaPattern, String namePattern,
      String[] types) throws java.sql.SQLException {
    List<Object[]> rows = new ArrayList<>();
    if (MetaResults.noCatalog(catalog)) {
      for (Relation r : find(engine, schemaPattern, namePattern, types(types))) {
        rows.add(new Object[] {null, r.schema(), r.name(), r.type(), null, null, null, null, null, null});
      }
    }
    // JDBC orders by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM and TABLE_NAME.
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[1])
        .thenComparing(r -> (String) r[2]));
    return MetaResults.of(null, MetaResults.columns(TABLE_COLUMNS), rows);
  }

  static final String[] COLUMN_COLUMNS = {
    "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:INTEGER", "TYPE_NAME",
    "COLUMN_SIZE:INTEGER", "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:INTEGER", "NUM_PREC_RADIX:INTEGER",
    "NULLABLE:INTEGER", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER",
    "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
    "SCOPE_TABLE", "SOURCE_DATA_TYPE:SMALLINT", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"
  };

  static ResultSet columns(SqlEngine engine, String catalog, String schemaPattern, String namePattern,
      String columnPattern) throws java.sql.SQLException {
    List<Object[]> rows = new ArrayList<>();
    if (MetaResults.noCatalog(catalog)) {
      for (Relation r : find(engine, schemaPattern, namePattern, types(null))) {
        List<Column> cols = columnsOf(engine, r);
        for (int i = 0; i < cols.size(); i++) {
          Column c = cols.get(i);
          if (MetaResults.matches(columnPattern, c.name())) {
            rows.add(row(r, c, i + 1));
          }
        }
      }
    }
    return MetaResults.of(null, MetaResults.columns(COLUMN_COLUMNS), rows);
  }

  /** What getColumns says of one column. */
  private record Column(String name, MetaTypes.TypeInfo type, boolean nullable, String defaultSql,
      boolean identity) {}

  private static List<Column> columnsOf(SqlEngine engine, Relation r) {
    List<Column> out = new ArrayList<>();
    if (r.table() != null) {
      for (ColumnDef c : r.table().def().columns()) {
        out.add(new Column(c.name(), MetaTypes.TypeInfo.of(c), c.nullable(), c.defaultSql(), c.isIdentity()));
      }
      return out;
    }
    List<ColumnMeta> described;
    try {
      described = engine.describe(r.schema(), r.name());
    } catch (SQLException e) {
      // A view whose query no longer validates has no columns to report; querying it fails.
      return out;
    }
    for (ColumnMeta c : described) {
      out.add(new Column(c.label(), MetaTypes.TypeInfo.of(c), c.nullable(), null, false));
    }
    return out;
  }

  private static Object[] row(Relation r, Column c, int position) {
    MetaTypes.TypeInfo ti = c.type();
    return new Object[] {
      null, r.schema(), r.name(), c.name(), ti.jdbcType(), ti.name(), ti.columnSize(), null, ti.decimalDigits(),
      ti.radix(), c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, null,
      c.defaultSql(), null, null, ti.charOctetLength(), position, c.nullable() ? "YES" : "NO", null, null, null,
      null, c.identity() ? "YES" : "NO", "NO"
    };
  }

  static ResultSet schemas(SqlEngine engine, String catalog, String schemaPattern) throws java.sql.SQLException {
    List<Object[]> rows = new ArrayList<>();
    if (MetaResults.noCatalog(catalog)) {
      Set<String> names = new TreeSet<>(engine.catalog().schemaNames());
      names.add(InformationSchema.NAME);
      for (String s : names) {
        if (MetaResults.matches(schemaPattern, s)) {
          rows.add(new Object[] {s, null});
        }
      }
    }
    return MetaResults.of(null, MetaResults.columns("TABLE_SCHEM", "TABLE_CATALOG"), rows);
  }

  static ResultSet tableTypes() {
    List<Object[]> rows = new ArrayList<>();
    TYPES.forEach(t -> rows.add(new Object[] {t}));
    return MetaResults.of(null, MetaResults.columns("TABLE_TYPE"), rows);
  }
}
