package org.vsldb.sql.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.AnsiSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Labels each unnamed expression of a select list by its SQL text, as H2 does: {@code SELECT
 * COUNT(*), a + 1 FROM t} has columns {@code COUNT(*)} and {@code A + 1} (Calcite would call them
 * {@code EXPR$0} and {@code EXPR$1}). Column references keep their column's name and items with an
 * alias keep it. The text is Calcite's rendering, which matches H2's for calls, operators, casts,
 * CASE and literals; it differs for nested arithmetic ({@code A * B + 1}, H2 {@code (A * B) + 1})
 * and scalar sub-queries. An item whose label another item of the same list already has keeps
 * Calcite's name. The tree is changed in place, after parsing and before validation.
 */
final class SelectLabels {
  private SelectLabels() {}

  static void label(SqlNode node) {
    if (node instanceof SqlNodeList) {
      for (SqlNode e : (SqlNodeList) node) {
        label(e);
      }
      return;
    }
    if (!(node instanceof SqlCall)) {
      return;
    }
    if (node instanceof SqlSelect) {
      labelItems(((SqlSelect) node).getSelectList());
    }
    for (SqlNode operand : ((SqlCall) node).getOperandList()) {
      if (operand != null) {
        label(operand);
      }
    }
  }

  private static void labelItems(SqlNodeList items) {
    if (items == null) {
      return;
    }
    Set<String> used = new HashSet<>();
    for (SqlNode item : items) {
      if (item instanceof SqlIdentifier) {
        SqlIdentifier id = (SqlIdentifier) item;
        used.add(id.isStar() ? "*" : id.names.get(id.names.size() - 1));
      } else if (item.getKind() == SqlKind.AS) {
        used.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
      }
    }
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (item instanceof SqlIdentifier || item.getKind() == SqlKind.AS) {
        continue;
      }
      String text = text(item);
      if (used.add(text)) {
        SqlIdentifier alias = new SqlIdentifier(text, item.getParserPosition());
        items.set(i, new SqlBasicCall(SqlStdOperatorTable.AS, List.of(item, alias), item.getParserPosition()));
      }
    }
  }

  private static String text(SqlNode item) {
    String s = item.toSqlString(c -> c.withDialect(AnsiSqlDialect.DEFAULT)
            .withQuoteAllIdentifiers(false)
            .withAlwaysUseParentheses(false)
            .withSelectListItemsOnSeparateLines(false)
            .withClauseStartsLine(false)
            .withIndentation(0))
        .getSql()
        .replace(" BETWEEN ASYMMETRIC ", " BETWEEN ");
    return item instanceof SqlSelect || item.getKind() == SqlKind.SCALAR_QUERY ? "(" + s + ")" : s;
  }
}
