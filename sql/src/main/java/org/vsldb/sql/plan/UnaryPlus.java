package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Removes unary plus from a parsed statement, as H2 and SQLite do: {@code +x} is {@code x} for
 * every type, including its column label ({@code SELECT +b} is labelled {@code B}). Calcite types
 * unary plus as numeric and would cast a string operand to a number (22018 for {@code +'abc'}).
 * The tree is changed in place.
 */
final class UnaryPlus {
  private UnaryPlus() {}

  static SqlNode strip(SqlNode node) {
    if (node == null) {
      return null;
    }
    if (node.getKind() == SqlKind.PLUS_PREFIX) {
      return strip(((SqlCall) node).operand(0));
    }
    if (node instanceof SqlNodeList) {
      SqlNodeList list = (SqlNodeList) node;
      for (int i = 0; i < list.size(); i++) {
        SqlNode e = list.get(i);
        SqlNode s = strip(e);
        if (s != e) {
          list.set(i, s);
        }
      }
    } else if (node instanceof SqlCall) {
      SqlCall call = (SqlCall) node;
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode e = operands.get(i);
        SqlNode s = strip(e);
        if (s != e) {
          try {
            call.setOperand(i, s);
          } catch (UnsupportedOperationException keep) {
            // A node kind that cannot replace operands keeps its unary plus (Calcite's meaning).
          }
        }
      }
    }
    return node;
  }
}
