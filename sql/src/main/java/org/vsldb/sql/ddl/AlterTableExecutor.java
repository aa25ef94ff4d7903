package org.vsldb.sql.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.sql.parser.SqlAlterTable;
import org.vsldb.sql.parser.SqlTableConstraint;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.Store;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.CheckDef;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Runs ALTER TABLE: computes the table's new definition and how its rows map into it, and hands
 * both to the store, which checks every constraint against the existing rows before it commits.
 */
public final class AlterTableExecutor {
  private final Store store;
  private final StatementPlanner planner;
  private final String schema;
  private final Definitions definitions;

  public AlterTableExecutor(Store store, StatementPlanner planner, String schema) {
    this.store = store;
    this.planner = planner;
    this.schema = schema;
    this.definitions = new Definitions(store.catalog(), planner, schema);
  }

  public void execute(SqlAlterTable alter) throws SQLException {
    String[] name = Names.qualified(store.catalog(), alter.table, schema);
    Table t = store.catalog().table(name[0], name[1]);
    if (t == null) {
      if (alter.ifExists) {
        return;
      }
      throw ErrorCode.TABLE_NOT_FOUND.exception(name[0] + "." + name[1], "");
    }
    TableDef def = t.def();
    int n = def.columns().size();
    int[] same = identityMap(n);
    SqlAlterTable.Action a = alter.action;
    if (a instanceof SqlAlterTable.AddColumn add) {
      addColumn(t, add);
    } else if (a instanceof SqlAlterTable.AddConstraint add) {
      TableDef next = definitions.addConstraint(def, t.id(), add.constraint(), Names.used(store.catalog(), def.schema()));
      if (add.constraint().kind == SqlTableConstraint.Kind.CHECK) {
        checkExistingRows(def, next.checks().get(next.checks().size() - 1));
      }
      apply(t, next, same, new Object[n]);
    } else if (a instanceof SqlAlterTable.DropColumn drop) {
      dropColumn(t, drop);
    } else if (a instanceof SqlAlterTable.DropConstraint drop) {
      dropConstraint(t, drop.constraint().getSimple(), drop.ifExists());
    } else if (a instanceof SqlAlterTable.DropPrimaryKey) {
      if (!def.hasPrimaryKey()) {
        throw ErrorCode.INDEX_NOT_FOUND.exception("PRIMARY KEY of table " + def.name());
      }
      dropConstraint(t, def.primaryKeyName(), false);
    } else if (a instanceof SqlAlterTable.RenameTable r) {
      String newName = r.newName().getSimple();
      if (store.catalog().table(def.schema(), newName) != null || store.catalog().view(def.schema(), newName) != null) {
        throw ErrorCode.TABLE_EXISTS.exception(def.schema() + "." + newName);
      }
      apply(t, def.withName(newName), same, new Object[n]);
    } else if (a instanceof SqlAlterTable.RenameColumn r) {
      renameColumn(t, r.column().getSimple(), r.newName().getSimple());
    } else if (a instanceof SqlAlterTable.SetDefault d) {
      int c = column(def, d.column());
      List<ColumnDef> cols = new ArrayList<>(def.columns());
      ColumnDef col = cols.get(c);
      if (col.isIdentity() && d.value() != null) {
        throw ErrorCode.INVALID_DEFINITION.exception("identity column " + col.name() + " cannot have a DEFAULT");
      }
      cols.set(c, col.withDefault(d.value() == null ? null : definitions.defaultSql(d.value(), col)));
      apply(t, def.withColumns(cols), same, new Object[n]);
    } else if (a instanceof SqlAlterTable.SetNotNull s) {
      int c = column(def, s.column());
      if (!s.notNull() && Arrays.stream(def.primaryKey()).anyMatch(p -> p == c)) {
        throw ErrorCode.DEPENDENT_OBJECT.exception("column " + def.columns().get(c).name()
            + " is part of the primary key and must stay NOT NULL");
      }
      List<ColumnDef> cols = new ArrayList<>(def.columns());
      cols.set(c, cols.get(c).withNullable(!s.notNull()));
      apply(t, def.withColumns(cols), same, new Object[n]);
    } else if (a instanceof SqlAlterTable.SetType) {
      throw ErrorCode.unsupported("ALTER TABLE ... ALTER COLUMN ... TYPE");
    } else {
      throw ErrorCode.unsupported("ALTER TABLE " + a);
    }
  }

  private void apply(Table t, TableDef next, int[] sources, Object[] fill) {
    store.alterTables(List.of(new Store.Alteration(t, next, sources, fill)));
  }

  private static int column(TableDef def, SqlIdentifier id) throws SQLException {
    int c = def.columnIndex(id.getSimple());
    if (c < 0) {
      throw ErrorCode.COLUMN_NOT_FOUND.exception(id.getSimple(), " in table " + def.name());
    }
    return c;
  }

  private void addColumn(Table t, SqlAlterTable.AddColumn add) throws SQLException {
    TableDef def = t.def();
    ColumnDef col = definitions.column(add.column());
    if (def.columnIndex(col.name()) >= 0) {
      if (add.ifNotExists()) {
        return;
      }
      throw ErrorCode.COLUMN_EXISTS.exception(col.name());
    }
    if (col.isIdentity() && def.identityColumn() >= 0) {
      throw ErrorCode.INVALID_DEFINITION.exception("table " + def.name() + " has an identity column already");
    }
    if (col.isIdentity() && t.approximateRowCount() > 0) {
      throw ErrorCode.unsupported("adding an identity column to a table that has rows");
    }
    int n = def.columns().size();
    List<ColumnDef> cols = new ArrayList<>(def.columns());
    cols.add(col);
    TableDef next = def.withColumnMap(cols, identityMap(n));
    Set<String> used = Names.used(store.catalog(), def.schema());
    for (SqlTableConstraint c : add.inline()) {
      next = definitions.addConstraint(next, t.id(), c, used);
    }
    int[] sources = new int[n + 1];
    System.arraycopy(identityMap(n), 0, sources, 0, n);
    sources[n] = -1;
    Object[] fill = new Object[n + 1];
    fill[n] = col.defaultSql() == null ? null : evaluate(col.defaultSql(), col);
    for (CheckDef c : next.checks()) {
      if (!def.checks().contains(c)) {
        checkExistingRows(next, c, fill[n], col.name());
      }
    }
    apply(t, next, sources, fill);
  }

  private void dropColumn(Table t, SqlAlterTable.DropColumn drop) throws SQLException {
    TableDef def = t.def();
    int c = def.columnIndex(drop.column().getSimple());
    if (c < 0) {
      if (drop.ifExists()) {
        return;
      }
      throw ErrorCode.COLUMN_NOT_FOUND.exception(drop.column().getSimple(), " in table " + def.name());
    }
    String colName = def.columns().get(c).name();
    if (def.columns().size() == 1) {
      throw ErrorCode.DEPENDENT_OBJECT.exception("cannot drop " + colName + ", the only column of " + def.name());
    }
    if (Arrays.stream(def.primaryKey()).anyMatch(p -> p == c)) {
      throw usedBy(colName, def.primaryKeyName());
    }
    List<IndexDef> indexes = new ArrayList<>();
    for (IndexDef i : def.indexes()) {
      if (Arrays.stream(i.columns()).anyMatch(p -> p == c)) {
        if (i.constraint() != null) {
          throw usedBy(colName, i.constraint());
        }
        continue; // a plain index on the column goes with it
      }
      indexes.add(i);
    }
    for (ForeignKeyDef f : def.foreignKeys()) {
      if (Arrays.stream(f.columns()).anyMatch(p -> p == c)) {
        throw usedBy(colName, f.name());
      }
    }
    for (Table other : store.catalog().tables()) {
      for (ForeignKeyDef f : other.def().foreignKeys()) {
        if (f.refTableId() == t.id() && Arrays.stream(f.refColumns()).anyMatch(p -> p == c)) {
          throw usedBy(colName, f.name());
        }
      }
    }
    for (CheckDef ck : def.checks()) {
      if (mentions(ck.sql(), colName)) {
        throw usedBy(colName, ck.name());
      }
    }
    int n = def.columns().size();
    int[] map = new int[n];
    int[] sources = new int[n - 1];
    List<ColumnDef> cols = new ArrayList<>();
    for (int i = 0, j = 0; i < n; i++) {
      if (i == c) {
        map[i] = -1;
      } else {
        map[i] = j;
        sources[j] = i;
        cols.add(def.columns().get(i));
        j++;
      }
    }
    TableDef next = def.withIndexes(indexes).withColumnMap(cols, map);
    List<Store.Alteration> all = new ArrayList<>();
    all.add(new Store.Alteration(t, next, sources, new Object[n - 1]));
    for (Table other : store.catalog().tables()) { // foreign keys to this table follow its columns
      if (other.id() != t.id() && other.def().foreignKeys().stream().anyMatch(f -> f.refTableId() == t.id())) {
        int m = other.def().columns().size();
        all.add(new Store.Alteration(other, other.def().withReferencedColumnMap(t.id(), map), identityMap(m), new Object[m]));
      }
    }
    store.alterTables(all);
  }

  private static SQLException usedBy(String column, String constraint) {
    return ErrorCode.COLUMN_IS_REFERENCED.exception("column " + column + " is used by constraint "
        + constraint + "; drop the constraint first");
  }

  private void dropConstraint(Table t, String name, boolean ifExists) throws SQLException {
    TableDef def = t.def();
    int n = def.columns().size();
    TableDef next = null;
    if (name.equals(def.primaryKeyName()) || isUnique(def, name)) {
      int[] key = name.equals(def.primaryKeyName()) ? def.primaryKey() : def.index(name).columns();
      for (Table other : store.catalog().tables()) {
        for (ForeignKeyDef f : other.def().foreignKeys()) {
          if (f.refTableId() == t.id() && Arrays.equals(f.refColumns(), key)) {
            throw ErrorCode.DEPENDENT_OBJECT.exception("constraint " + name + " is referenced by foreign key "
                + f.name() + " of table " + other.def().name());
          }
        }
      }
      if (name.equals(def.primaryKeyName())) {
        TableDef unkeyed = def.withPrimaryKey(new int[0], null);
        List<ColumnDef> cols = new ArrayList<>(def.columns()); // the columns stay NOT NULL
        next = unkeyed.withColumns(cols);
      } else {
        List<IndexDef> ix = new ArrayList<>(def.indexes());
        ix.removeIf(i -> i.name().equals(name));
        next = def.withIndexes(ix);
      }
    } else if (def.checks().stream().anyMatch(c -> c.name().equals(name))) {
      List<CheckDef> checks = new ArrayList<>(def.checks());
      checks.removeIf(c -> c.name().equals(name));
      next = def.withChecks(checks);
    } else if (def.foreignKeys().stream().anyMatch(f -> f.name().equals(name))) {
      List<ForeignKeyDef> fks = new ArrayList<>(def.foreignKeys());
      fks.removeIf(f -> f.name().equals(name));
      List<IndexDef> ix = new ArrayList<>(def.indexes());
      ix.removeIf(i -> name.equals(i.constraint()));
      next = def.withForeignKeys(fks).withIndexes(ix);
    }
    if (next == null) {
      if (ifExists) {
        return;
      }
      throw ErrorCode.CONSTRAINT_NOT_FOUND.exception(name);
    }
    apply(t, next, identityMap(n), new Object[n]);
  }

  private static boolean isUnique(TableDef def, String name) {
    IndexDef i = def.index(name);
    return i != null && i.isUniqueConstraint();
  }

  private void renameColumn(Table t, String from, String to) throws SQLException {
    TableDef def = t.def();
    int c = def.columnIndex(from);
    if (c < 0) {
      throw ErrorCode.COLUMN_NOT_FOUND.exception(from, " in table " + def.name());
    }
    if (def.columnIndex(to) >= 0) {
      throw ErrorCode.COLUMN_EXISTS.exception(to);
    }
    List<ColumnDef> cols = new ArrayList<>(def.columns());
    cols.set(c, cols.get(c).withName(to));
    List<CheckDef> checks = new ArrayList<>();
    for (CheckDef ck : def.checks()) {
      checks.add(new CheckDef(ck.name(), rename(ck.sql(), from, to)));
    }
    int n = cols.size();
    apply(t, def.withColumns(cols).withChecks(checks), identityMap(n), new Object[n]);
  }

  /** The SQL text of an expression with column {@code from} renamed to {@code to}. */
  private String rename(String sql, String from, String to) throws SQLException {
    SqlNode e = parseExpression(sql);
    SqlNode renamed = e.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() == 1 && id.names.get(0).equals(from)) {
          return new SqlIdentifier(to, id.getParserPosition());
        }
        return id;
      }
    });
    return SqlText.of(renamed);
  }

  private boolean mentions(String sql, String column) throws SQLException {
    boolean[] found = new boolean[1];
    parseExpression(sql).accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        if (id.names.get(id.names.size() - 1).equals(column)) {
          found[0] = true;
        }
        return id;
      }
    });
    return found[0];
  }

  private SqlNode parseExpression(String sql) throws SQLException {
    try {
      return ((org.apache.calcite.sql.SqlSelect) planner.parse("SELECT " + sql)).getSelectList().get(0);
    } catch (Exception e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Fails with 23513 if an existing row makes {@code check} FALSE. */
  private void checkExistingRows(TableDef def, CheckDef check) throws SQLException {
    String q = "SELECT COUNT(*) FROM " + quote(def.schema()) + "." + quote(def.name())
        + " WHERE NOT (" + check.sql() + ")";
    Object n = runScalar(q);
    if (n instanceof Number num && num.longValue() > 0) {
      throw ErrorCode.CHECK_VIOLATION.exception("CHECK constraint " + check.name() + " (" + check.sql()
          + ") is violated by " + num + " existing row(s) of " + def.name());
    }
  }

  /** As above, for a check of a column being added with {@code value} in every row. */
  private void checkExistingRows(TableDef next, CheckDef check, Object value, String column) throws SQLException {
    if (store.catalog().table(next.schema(), next.name()) == null) {
      return;
    }
    // The new column is not in the table yet: judge the check on the value it will hold.
    String literal = value == null ? "NULL"
        : value instanceof String s ? "'" + s.replace("'", "''") + "'"
        : value instanceof org.vsldb.storage.table.Bytes b ? "X'" + b + "'"
        : String.valueOf(value);
    String sql = rename(check.sql(), column, column);
    StringBuilder q = new StringBuilder("SELECT COUNT(*) FROM (SELECT t.*, ").append(literal).append(" AS ")
        .append(quote(column)).append(" FROM ").append(quote(next.schema())).append(".")
        .append(quote(store.catalog().table(next.schema(), next.name()).def().name()))
        .append(" AS t) AS t WHERE NOT (").append(sql).append(")");
    Object n = runScalar(q.toString());
    if (n instanceof Number num && num.longValue() > 0) {
      throw ErrorCode.CHECK_VIOLATION.exception("CHECK constraint " + check.name() + " (" + check.sql()
          + ") is violated by " + num + " existing row(s) of " + next.name());
    }
  }

  private static String quote(String id) {
    return '"' + id.replace("\"", "\"\"") + '"';
  }

  /** The value of a DEFAULT expression, converted to its column. */
  private Object evaluate(String sql, ColumnDef col) throws SQLException {
    Object v = runScalar("SELECT CAST((" + sql + ") AS " + TypeText.of(col) + ")");
    return Values.forColumn(v, col, "");
  }

  private Object runScalar(String sql) throws SQLException {
    Transaction txn = store.begin();
    try {
      SqlValidator validator = planner.newValidator(schema);
      SqlNode validated = validator.validate(planner.parse(sql));
      RelRoot root = planner.toRel(validated, validator, schema);
      CompiledQuery q = planner.compile(root, root.validatedRowType, null, validator.getParameterRowType(validated));
      Enumerator<Object> e = q.bindable().bind(new VslDataContext(planner.rootSchema(), planner.typeFactory(),
          txn, new Object[0], q.stash(), new java.util.concurrent.atomic.AtomicBoolean())).enumerator();
      try {
        if (!e.moveNext()) {
          return null;
        }
        Object r = e.current();
        return q.scalarRows() ? r : ((Object[]) r)[0];
      } finally {
        e.close();
      }
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    } finally {
      txn.rollback();
    }
  }

  /** The column map that keeps every column where it is. */
  public static int[] identityMap(int n) {
    int[] m = new int[n];
    for (int i = 0; i < n; i++) {
      m[i] = i;
    }
    return m;
  }
}
