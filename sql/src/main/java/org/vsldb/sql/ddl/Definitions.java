package org.vsldb.sql.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.parser.SqlColumnSpec;
import org.vsldb.sql.parser.SqlTableConstraint;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.sql.type.TypeMapping;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.CheckDef;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Builds column and constraint definitions from parsed DDL, for CREATE TABLE and ALTER TABLE
 * alike: types, DEFAULT and CHECK expressions (validated and kept as SQL text), identity, keys,
 * unique and foreign-key constraints with their indexes.
 */
final class Definitions {
  /** The table id a foreign key of a table being created uses to reference that same table. */
  static final int SELF = 0;

  private final Catalog catalog;
  private final StatementPlanner planner;
  private final String schema;

  Definitions(Catalog catalog, StatementPlanner planner, String schema) {
    this.catalog = catalog;
    this.planner = planner;
    this.schema = schema;
  }

  /** The stored definition of a parsed column. */
  ColumnDef column(SqlColumnSpec spec) throws SQLException {
    String name = spec.name.getSimple();
    SqlValidator validator = planner.newValidator(schema);
    RelDataType type;
    String typeName = spec.type.getTypeName().isSimple() ? spec.type.getTypeName().getSimple() : "";
    if (typeName.equals("TEXT")) {
      // TEXT (PostgreSQL, SQLite) is stored as an unbounded VARCHAR (README, "SQL today").
      type = validator.getTypeFactory().createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR);
    } else {
      try {
        type = spec.type.deriveType(validator, true);
      } catch (RuntimeException e) {
        throw SqlErrors.translate(e);
      }
      if (type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_TZ) {
        // TIMESTAMP WITH TIME ZONE keeps the instant, as PostgreSQL's timestamptz (TimeZoneTypes)
        type = validator.getTypeFactory().createSqlType(
            org.vsldb.sql.plan.TimeZoneTypes.instantFor(type.getSqlTypeName()), type.getPrecision());
      }
    }
    ColumnDef c = TypeMapping.toColumnDef(name, type);
    boolean nullable = !Boolean.TRUE.equals(spec.notNull);
    ColumnDef.Identity identity = null;
    if (spec.identity != null) {
      if (!SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())) {
        throw ErrorCode.INVALID_DEFINITION.exception(
            "identity column " + name + " must have an integer type, not " + type);
      }
      if (spec.defaultValue != null) {
        throw ErrorCode.INVALID_DEFINITION.exception("identity column " + name + " cannot have a DEFAULT");
      }
      identity = new ColumnDef.Identity(spec.identity.always(), spec.identity.start(), spec.identity.increment());
      nullable = false;
    }
    String dflt = spec.defaultValue == null ? null : defaultSql(spec.defaultValue, c);
    return new ColumnDef(name, c.type(), c.precision(), c.scale(), nullable, dflt, identity);
  }

  /** Validates a DEFAULT expression against its column's type and returns its SQL text. */
  String defaultSql(SqlNode value, ColumnDef column) throws SQLException {
    String sql = SqlText.of(value);
    String probe = "SELECT CAST((" + sql + ") AS " + TypeText.of(column) + ")";
    try {
      SqlValidator v = planner.newValidator(schema);
      v.validate(planner.parse(probe));
    } catch (Throwable t) {
      SQLException e = SqlErrors.translate(t);
      throw ErrorCode.INVALID_DEFINITION.exception(e,
          "DEFAULT " + sql + " of column " + column.name() + ": " + e.getMessage());
    }
    return sql;
  }

  /** Validates a CHECK expression over a row of {@code columns} and returns its SQL text. */
  String checkSql(SqlNode check, List<ColumnDef> columns) throws SQLException {
    String sql = SqlText.of(check);
    StringBuilder q = new StringBuilder("SELECT CASE WHEN (").append(sql)
        .append(") THEN 1 ELSE 0 END FROM (VALUES (");
    for (int i = 0; i < columns.size(); i++) {
      q.append(i == 0 ? "" : ", ").append("CAST(NULL AS ").append(TypeText.of(columns.get(i))).append(")");
    }
    q.append(")) AS \"T\" (");
    for (int i = 0; i < columns.size(); i++) {
      q.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name().replace("\"", "\"\"")).append('"');
    }
    q.append(")");
    try {
      SqlValidator v = planner.newValidator(schema);
      v.validate(planner.parse(q.toString()));
    } catch (Throwable t) {
      SQLException e = SqlErrors.translate(t);
      throw ErrorCode.INVALID_DEFINITION.exception(e, "CHECK (" + sql + "): " + e.getMessage());
    }
    return sql;
  }

  /**
   * {@code def} with one more constraint. {@code tableId} is the table's id, or {@link #SELF} for
   * a table being created; {@code used} holds the schema's index and constraint names.
   */
  TableDef addConstraint(TableDef def, int tableId, SqlTableConstraint c, Set<String> used)
      throws SQLException {
    String given = c.name == null ? null : c.name.getSimple();
    switch (c.kind) {
      case PRIMARY_KEY -> {
        if (def.hasPrimaryKey()) {
          throw ErrorCode.SECOND_PRIMARY_KEY.exception(
              "table " + def.name() + " already has the primary key " + def.primaryKeyName());
        }
        String name = given != null ? Names.claim(used, given) : Names.generate(used, "PK", def.name());
        return def.withPrimaryKey(positions(def, c.columns), name);
      }
      case UNIQUE -> {
        int[] cols = positions(def, c.columns);
        String name = given != null ? Names.claim(used, given) : Names.generate(used, "UK", def.name());
        List<IndexDef> ix = new ArrayList<>(def.indexes());
        ix.add(new IndexDef(name, cols, true, name));
        return def.withIndexes(ix);
      }
      case CHECK -> {
        String name = given != null ? Names.claim(used, given) : Names.generate(used, "CK", def.name());
        List<CheckDef> checks = new ArrayList<>(def.checks());
        checks.add(new CheckDef(name, checkSql(c.check, def.columns())));
        return def.withChecks(checks);
      }
      case FOREIGN_KEY -> {
        return addForeignKey(def, tableId, c, given, used);
      }
      default -> throw new IllegalStateException(c.kind.toString());
    }
  }

  private TableDef addForeignKey(TableDef def, int tableId, SqlTableConstraint c, String given, Set<String> used)
      throws SQLException {
    int[] cols = positions(def, c.columns);
    String[] ref = Names.qualified(catalog, c.refTable, schema);
    TableDef parent;
    int parentId;
    if (ref[0].equals(def.schema()) && ref[1].equals(def.name())) {
      parent = def;
      parentId = tableId;
    } else {
      Table p = catalog.table(ref[0], ref[1]);
      if (p == null) {
        throw ErrorCode.TABLE_NOT_FOUND.exception(ref[0] + "." + ref[1], " (referenced by a foreign key)");
      }
      parent = p.def();
      parentId = p.id();
    }
    int[] refCols = c.refColumns == null ? parent.primaryKey() : positions(parent, c.refColumns);
    if (refCols.length == 0) {
      throw ErrorCode.INVALID_DEFINITION.exception(
          "table " + parent.name() + " has no primary key for the foreign key to reference");
    }
    if (refCols.length != cols.length) {
      throw ErrorCode.INVALID_DEFINITION.exception("foreign key has " + cols.length
          + " columns but references " + refCols.length);
    }
    if (!Arrays.equals(refCols, parent.primaryKey())
        && parent.indexes().stream().noneMatch(i -> i.unique() && Arrays.equals(i.columns(), refCols))) {
      throw ErrorCode.CONSTRAINT_NOT_FOUND.exception(
          "PRIMARY KEY or UNIQUE " + parent.names(refCols) + " of table " + parent.name());
    }
    for (int i = 0; i < cols.length; i++) {
      ColumnDef a = def.columns().get(cols[i]);
      ColumnDef b = parent.columns().get(refCols[i]);
      if (a.type() != b.type() && !(a.type().isCharacter() && b.type().isCharacter())
          && !(a.type().isBinary() && b.type().isBinary())) {
        throw ErrorCode.INVALID_DEFINITION.exception("foreign key column " + a.name() + " (" + a.type()
            + ") and referenced column " + b.name() + " (" + b.type() + ") differ in type");
      }
    }
    ForeignKeyDef.Action onDelete = action(c.onDelete, "ON DELETE");
    ForeignKeyDef.Action onUpdate = action(c.onUpdate, "ON UPDATE");
    if (parent == def && onUpdate != ForeignKeyDef.Action.RESTRICT) {
      // an UPDATE of several rows computes each row's new values before any is written, so a row
      // that an earlier row's key change cascaded into would be written back with its old values
      throw ErrorCode.unsupported("ON UPDATE " + onUpdate.sql() + " on a foreign key that references its own table");
    }
    boolean setsNull = onDelete == ForeignKeyDef.Action.SET_NULL || onUpdate == ForeignKeyDef.Action.SET_NULL;
    for (int i = 0; setsNull && i < cols.length; i++) {
      if (!def.columns().get(cols[i]).nullable()) {
        throw ErrorCode.INVALID_DEFINITION.exception("foreign key column " + def.columns().get(cols[i]).name()
            + " is NOT NULL and cannot be SET NULL");
      }
    }
    String name = given != null ? Names.claim(used, given) : Names.generate(used, "FK", def.name());
    List<ForeignKeyDef> fks = new ArrayList<>(def.foreignKeys());
    fks.add(new ForeignKeyDef(name, cols, parentId, refCols, onDelete, onUpdate));
    List<IndexDef> ix = new ArrayList<>(def.indexes());
    boolean indexed = ix.stream().anyMatch(i -> {
      int[] ic = i.columns();
      return ic.length >= cols.length && Arrays.equals(Arrays.copyOf(ic, cols.length), cols);
    });
    if (!indexed) {
      ix.add(new IndexDef(Names.generate(used, name, "INDEX"), cols, false, name));
    }
    return def.withForeignKeys(fks).withIndexes(ix);
  }

  /** A referential action as the parser wrote it; SET DEFAULT is not offered. */
  private static ForeignKeyDef.Action action(String sql, String clause) throws SQLException {
    return switch (sql) {
      case "RESTRICT" -> ForeignKeyDef.Action.RESTRICT;
      case "CASCADE" -> ForeignKeyDef.Action.CASCADE;
      case "SET NULL" -> ForeignKeyDef.Action.SET_NULL;
      default -> throw ErrorCode.unsupported(clause + " " + sql);
    };
  }

  /** The positions of the named columns in {@code def}. */
  static int[] positions(TableDef def, Iterable<SqlNode> names) throws SQLException {
    List<Integer> p = new ArrayList<>();
    for (SqlNode n : names) {
      String col = ((SqlIdentifier) n).getSimple();
      int i = def.columnIndex(col);
      if (i < 0) {
        throw ErrorCode.COLUMN_NOT_FOUND.exception(col, " in table " + def.name());
      }
      if (p.contains(i)) {
        throw ErrorCode.INVALID_DEFINITION.exception("column " + col + " is listed twice");
      }
      p.add(i);
    }
    return p.stream().mapToInt(Integer::intValue).toArray();
  }

  static SqlParserPos pos(SqlNode n) {
    return n == null ? SqlParserPos.ZERO : n.getParserPosition();
  }
}
