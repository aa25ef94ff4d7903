package org.vsldb.sql.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateView;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ViewDef;

/**
 * Builds a view's definition from CREATE VIEW: the query is validated now, and kept as SQL text
 * whose names are qualified, so the view means the same wherever it is used.
 */
public final class ViewBuilder {
  private final Catalog catalog;
  private final StatementPlanner planner;
  private final String schema;

  public ViewBuilder(Catalog catalog, StatementPlanner planner, String schema) {
    this.catalog = catalog;
    this.planner = planner;
    this.schema = schema;
  }

  /**
   * Whether a view's stored query names table {@code schema.table}. Its identifiers are fully
   * qualified (validation expanded them), so the table appears as a two-part name.
   */
  public static boolean uses(StatementPlanner planner, ViewDef view, String schema, String table) {
    SqlNode q;
    try {
      q = planner.parse(view.sql());
    } catch (Exception e) {
      return false; // a view that no longer parses depends on nothing it can name
    }
    boolean[] found = new boolean[1];
    q.accept(new org.apache.calcite.sql.util.SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() >= 2 && id.names.get(0).equals(schema) && id.names.get(1).equals(table)) {
          found[0] = true;
        }
        return id;
      }
    });
    return found[0];
  }

  public ViewDef build(SqlCreateView create) throws SQLException {
    String[] name = Names.qualified(catalog, create.name, schema);
    if (catalog.table(name[0], name[1]) != null) {
      throw ErrorCode.TABLE_EXISTS.exception(name[0] + "." + name[1]);
    }
    if (catalog.view(name[0], name[1]) != null && !create.getReplace()) {
      throw ErrorCode.VIEW_EXISTS.exception(name[0] + "." + name[1]);
    }
    SqlNode query = create.query;
    RelDataType rowType;
    String sql;
    try {
      SqlValidator v = planner.newValidator(name[0]);
      SqlNode validated = v.validate(query);
      rowType = v.getValidatedNodeType(validated);
      sql = SqlText.of(validated); // identifiers expanded and qualified by validation
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
    List<String> columns = new ArrayList<>();
    if (create.columnList != null) {
      for (SqlNode n : create.columnList) {
        columns.add(((SqlIdentifier) n).getSimple());
      }
      if (columns.size() != rowType.getFieldCount()) {
        throw ErrorCode.INVALID_DEFINITION.exception("view " + name[1] + " names " + columns.size()
            + " columns but its query has " + rowType.getFieldCount());
      }
    }
    return new ViewDef(name[0], name[1], sql, columns);
  }
}
