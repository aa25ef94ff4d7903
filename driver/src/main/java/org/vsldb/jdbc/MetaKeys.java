package org.vsldb.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vsldb.sql.schema.InformationSchema;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Keys and indexes as {@link DatabaseMetaData} reports them: primary keys, indexes (the primary
 * key's, UNIQUE constraints', foreign keys' and CREATE INDEX's), foreign keys and the best row
 * identifier. Table and schema arguments are exact names; null means any, and "" for the schema
 * means none (every vsl table is in a schema).
 */
final class MetaKeys {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    PlannerPreload.await();
  }

  private MetaKeys() {}

  /** The stored tables named {@code table} in {@code schema}, sorted by schema and name. */
  static List<Table> tables(Catalog catalog, String catalogName, String schema, String table) {
    List<Table> out = new ArrayList<>();
    if (MetaResults.noCatalog(catalogName)) {
      for (Table t : catalog.tables()) {
        if (named(t, schema, table)) {
          out.add(t);
        }
      }
    }
    out.sort(Comparator.comparing((Table t) -> t.def().schema()).thenComparing(t -> t.def().name()));
    return out;
  }

  private static boolean named(Table t, String schema, String table) {
    return (schema == null || schema.equals(t.def().schema())) && (table == null || table.equals(t.def().name()));
  }

  static ResultSet primaryKeys(Catalog catalog, String catalogName, String schema, String table) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : tables(catalog, catalogName, schema, table)) {
      List<String> names = t.def().primaryKeyNames();
      for (int i = 0; i < names.size(); i++) {
        rows.add(new Object[] {null, t.def().schema(), t.def().name(), names.get(i), (short) (i + 1),
          t.def().primaryKeyName()});
      }
    }
    // JDBC orders by COLUMN_NAME; the table comes first when several match.
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2])
        .thenComparing(r -> (String) r[3]));
    return MetaResults.of(null, MetaResults.columns(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:SMALLINT", "PK_NAME"), rows);
  }

  static ResultSet indexInfo(Catalog catalog, String catalogName, String schema, String table, boolean unique) {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : tables(catalog, catalogName, schema, table)) {
      TableDef d = t.def();
      if (d.hasPrimaryKey()) {
        index(rows, t, d.primaryKeyName(), d.primaryKey(), true);
      }
      for (IndexDef ix : d.indexes()) {
        if (ix.unique() || !unique) {
          index(rows, t, ix.name(), ix.columns(), ix.unique());
        }
      }
    }
    // JDBC orders by NON_UNIQUE, TYPE, INDEX_NAME and ORDINAL_POSITION; the table comes first.
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2])
        .thenComparing(r -> (Boolean) r[3]).thenComparing(r -> (String) r[5]).thenComparing(r -> (Short) r[7]));
    return MetaResults.of(null, MetaResults.columns(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:BOOLEAN", "INDEX_QUALIFIER", "INDEX_NAME",
        "TYPE:SMALLINT", "ORDINAL_POSITION:SMALLINT", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY:BIGINT",
        "PAGES:BIGINT", "FILTER_CONDITION"), rows);
  }

  /**
   * One row per indexed column. vsl's indexes are sorted, ascending. CARDINALITY, the number of
   * distinct keys, is known for a unique index (one per row) and left null for the others.
   */
  private static void index(List<Object[]> rows, Table t, String name, int[] columns, boolean unique) {
    List<String> cols = t.def().names(columns);
    Long cardinality = unique ? t.approximateRowCount() : null;
    for (int i = 0; i < cols.size(); i++) {
      rows.add(new Object[] {null, t.def().schema(), t.def().name(), !unique, null, name,
        (short) DatabaseMetaData.tableIndexOther, (short) (i + 1), cols.get(i), "A", cardinality, null, null});
    }
  }

  private static final String[] KEY_COLUMNS = {
    "PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM",
    "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:SMALLINT", "UPDATE_RULE:SMALLINT", "DELETE_RULE:SMALLINT",
    "FK_NAME", "PK_NAME", "DEFERRABILITY:SMALLINT"
  };

  /**
   * Foreign-key columns whose parent and child tables match (null: any). Imported keys are
   * ordered by the parent table, exported keys and cross references by the child table, then by
   * FK_NAME and KEY_SEQ.
   */
  static ResultSet foreignKeys(Catalog catalog, String parentCatalog, String parentSchema, String parentTable,
      String childCatalog, String childSchema, String childTable, boolean byParent) {
    List<Object[]> rows = new ArrayList<>();
    if (MetaResults.noCatalog(parentCatalog)) {
      for (Table child : tables(catalog, childCatalog, childSchema, childTable)) {
        for (ForeignKeyDef fk : child.def().foreignKeys()) {
          Table parent = catalog.table(fk.refTableId());
          if (parent != null && named(parent, parentSchema, parentTable)) {
            keyRows(rows, parent.def(), child.def(), fk);
          }
        }
      }
    }
    int schema = byParent ? 1 : 5;
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[schema]).thenComparing(r -> (String) r[schema + 1])
        .thenComparing(r -> (String) r[11]).thenComparing(r -> (Short) r[8]));
    return MetaResults.of(null, MetaResults.columns(KEY_COLUMNS), rows);
  }

  /** A referential action as {@code DatabaseMetaData} codes it. */
  private static short rule(ForeignKeyDef.Action action) {
    return (short) switch (action) {
      case RESTRICT -> DatabaseMetaData.importedKeyRestrict;
      case CASCADE -> DatabaseMetaData.importedKeyCascade;
      case SET_NULL -> DatabaseMetaData.importedKeySetNull;
    };
  }

  private static void keyRows(List<Object[]> rows, TableDef parent, TableDef child, ForeignKeyDef fk) {
    int[] cols = fk.columns();
    int[] refs = fk.refColumns();
    String pkName = InformationSchema.referencedConstraint(parent, refs);
    for (int i = 0; i < cols.length; i++) {
      rows.add(new Object[] {null, parent.schema(), parent.name(), parent.columns().get(refs[i]).name(), null,
        child.schema(), child.name(), child.columns().get(cols[i]).name(), (short) (i + 1),
        rule(fk.onUpdate()), rule(fk.onDelete()), fk.name(),
        pkName, (short) DatabaseMetaData.importedKeyNotDeferrable});
    }
  }

  static final String[] ROW_ID_COLUMNS = {
    "SCOPE:SMALLINT", "COLUMN_NAME", "DATA_TYPE:INTEGER", "TYPE_NAME", "COLUMN_SIZE:INTEGER",
    "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:SMALLINT", "PSEUDO_COLUMN:SMALLINT"
  };

  /**
   * The primary key, which identifies a row for as long as the session lasts, or else the first
   * UNIQUE constraint whose columns are all NOT NULL (or, when {@code nullable}, any).
   */
  static ResultSet bestRowIdentifier(Catalog catalog, String catalogName, String schema, String table,
      boolean nullable) {
    List<Object[]> rows = new ArrayList<>();
    List<Table> found = table == null ? List.of() : tables(catalog, catalogName, schema, table);
    if (found.size() == 1) {
      TableDef d = found.get(0).def();
      int[] key = d.hasPrimaryKey() ? d.primaryKey() : uniqueKey(d, nullable);
      for (int p : key) {
        ColumnDef col = d.columns().get(p);
        MetaTypes.TypeInfo ti = MetaTypes.TypeInfo.of(col);
        rows.add(new Object[] {(short) DatabaseMetaData.bestRowSession, col.name(), ti.jdbcType(), ti.name(),
          ti.columnSize(), null, ti.decimalDigits() == null ? null : (short) (int) ti.decimalDigits(),
          (short) DatabaseMetaData.bestRowNotPseudo});
      }
    }
    return MetaResults.of(null, MetaResults.columns(ROW_ID_COLUMNS), rows);
  }

  private static int[] uniqueKey(TableDef d, boolean nullable) {
    for (IndexDef ix : d.indexes()) {
      if (ix.unique()) {
        boolean ok = true;
        for (int p : ix.columns()) {
          ok &= nullable || !d.columns().get(p).nullable();
        }
        if (ok) {
          return ix.columns();
        }
      }
    }
    return new int[0];
  }
}
