package org.vsldb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.storage.table.CheckDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Adds a table's CHECK constraints to the plan of an INSERT or UPDATE: each becomes one more
 * boolean column after the row's own, computed by Calcite over the new row, which the DML
 * executor tests for FALSE (NULL, unknown, passes, as the standard says).
 */
public final class CheckColumns {
  private CheckColumns() {}

  /**
   * {@code input} with one column per check of {@code table}. For INSERT the input's first columns
   * are the new row; for UPDATE they are the old row followed by the new values of
   * {@code updateColumns}.
   */
  public static RelNode append(StatementPlanner planner, RelNode input, Table table, SqlKind kind,
      int[] updateColumns) throws Exception {
    TableDef def = table.def();
    if (def.checks().isEmpty()) {
      return input;
    }
    StringBuilder q = new StringBuilder("SELECT ");
    for (int i = 0; i < def.checks().size(); i++) {
      CheckDef c = def.checks().get(i);
      q.append(i == 0 ? "" : ", ").append("(").append(c.sql()).append(")");
    }
    q.append(" FROM ").append(quote(def.schema())).append('.').append(quote(def.name()));
    SqlValidator validator = planner.newValidator(def.schema());
    SqlNode validated = validator.validate(planner.parse(q.toString()));
    RelRoot root = planner.toRel(validated, validator, def.schema());
    if (!(root.rel instanceof LogicalProject project)) {
      throw new IllegalStateException("unexpected plan for CHECK constraints: " + root.rel);
    }
    int n = def.columns().size();
    int[] map = new int[n];
    for (int c = 0; c < n; c++) {
      map[c] = c;
    }
    if (kind == SqlKind.UPDATE) {
      for (int j = 0; j < updateColumns.length; j++) {
        map[updateColumns[j]] = n + j;
      }
    }
    RexBuilder rb = input.getCluster().getRexBuilder();
    RexShuttle rebase = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        int target = map[ref.getIndex()];
        return rb.makeInputRef(input.getRowType().getFieldList().get(target).getType(), target);
      }
    };
    List<RexNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
      exprs.add(rb.makeInputRef(input, i));
      names.add(input.getRowType().getFieldNames().get(i));
    }
    for (int i = 0; i < project.getProjects().size(); i++) {
      RexNode e = project.getProjects().get(i).accept(rebase);
      exprs.add(rb.makeCast(rb.getTypeFactory().createTypeWithNullability(e.getType(), true), e, true, false));
      names.add("$CHECK" + i);
    }
    return LogicalProject.create(input, List.of(), exprs, names, java.util.Set.of());
  }

  private static String quote(String id) {
    return '"' + id.replace("\"", "\"\"") + '"';
  }
}
