package org.vsldb.sql.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.parser.SqlColumnSpec;
import org.vsldb.sql.parser.SqlTableConstraint;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.TableDef;

/** Builds the definition of a new table from the element list of CREATE TABLE. */
public final class TableBuilder {
  private final Catalog catalog;
  private final Definitions definitions;
  private final String schema;

  public TableBuilder(Catalog catalog, StatementPlanner planner, String schema) {
    this.catalog = catalog;
    this.definitions = new Definitions(catalog, planner, schema);
    this.schema = schema;
  }

  /** The definition of table {@code name} in this builder's schema. */
  public TableDef build(String name, SqlNodeList elements) throws SQLException {
    List<ColumnDef> columns = new ArrayList<>();
    List<SqlTableConstraint> constraints = new ArrayList<>();
    int identities = 0;
    for (SqlNode e : elements) {
      if (e instanceof SqlColumnSpec spec) {
        ColumnDef c = definitions.column(spec);
        for (ColumnDef other : columns) {
          if (other.name().equals(c.name())) {
            throw ErrorCode.COLUMN_EXISTS.exception(c.name());
          }
        }
        if (c.isIdentity() && ++identities > 1) {
          throw ErrorCode.INVALID_DEFINITION.exception("table " + name + " has more than one identity column");
        }
        columns.add(c);
      } else if (e instanceof SqlTableConstraint c) {
        constraints.add(c);
      } else if (e instanceof org.apache.calcite.sql.SqlIdentifier id) {
        throw ErrorCode.INVALID_DEFINITION.exception("column " + id + " needs a type (only CREATE TABLE ... AS query may leave it out)");
      } else {
        throw ErrorCode.unsupported("table element " + e);
      }
    }
    TableDef def = new TableDef(schema, name, columns, new int[0]);
    Set<String> used = Names.used(catalog, schema);
    // Keys first, so foreign keys (also to this same table) can find them.
    for (SqlTableConstraint c : constraints) {
      if (c.kind == SqlTableConstraint.Kind.PRIMARY_KEY) {
        def = definitions.addConstraint(def, Definitions.SELF, c, used);
      }
    }
    for (SqlTableConstraint c : constraints) {
      if (c.kind == SqlTableConstraint.Kind.UNIQUE || c.kind == SqlTableConstraint.Kind.CHECK) {
        def = definitions.addConstraint(def, Definitions.SELF, c, used);
      }
    }
    for (SqlTableConstraint c : constraints) {
      if (c.kind == SqlTableConstraint.Kind.FOREIGN_KEY) {
        def = definitions.addConstraint(def, Definitions.SELF, c, used);
      }
    }
    return def;
  }

  /** The positions of the named columns in {@code def}. */
  public static int[] positions(TableDef def, Iterable<SqlNode> names) throws SQLException {
    return Definitions.positions(def, names);
  }
}
