package org.vsldb.sql.schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.sql.type.RuntimeRows;
import org.vsldb.sql.type.TypeMapping;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;

/**
 * One store table as Calcite sees it. It implements {@link ScannableTable}, so Calcite reads it
 * by calling {@link #scan(DataContext)}, which returns the rows visible to the transaction that
 * the {@link VslDataContext} carries: its snapshot plus its own uncommitted changes, in the
 * runtime's representation ({@link RuntimeRows}).
 */
public final class StoreTable extends AbstractTable
    implements ScannableTable, org.apache.calcite.sql2rel.InitializerExpressionFactory {
  private final Table table;

  StoreTable(Table table) {
    this.table = table;
  }

  /** The store table behind this adapter. */
  public Table table() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (ColumnDef c : table.def().columns()) {
      b.add(c.name(), TypeMapping.toRelType(typeFactory, c));
    }
    return b.build();
  }

  /**
   * Columns with a DEFAULT or identity may be left out of an INSERT. An identity column's default
   * is NULL here; the DML executor puts the next identity value in its place.
   */
  @Override
  public org.apache.calcite.schema.ColumnStrategy generationStrategy(
      org.apache.calcite.plan.RelOptTable t, int iColumn) {
    ColumnDef c = table.def().columns().get(iColumn);
    if (c.isIdentity() || c.defaultSql() != null) {
      return org.apache.calcite.schema.ColumnStrategy.DEFAULT;
    }
    return c.nullable()
        ? org.apache.calcite.schema.ColumnStrategy.NULLABLE
        : org.apache.calcite.schema.ColumnStrategy.NOT_NULLABLE;
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean isGeneratedAlways(org.apache.calcite.plan.RelOptTable t, int iColumn) {
    ColumnDef c = table.def().columns().get(iColumn);
    return c.isIdentity() && c.identity().always();
  }

  @Override
  public org.apache.calcite.rex.RexNode newColumnDefaultValue(
      org.apache.calcite.plan.RelOptTable t, int iColumn,
      org.apache.calcite.sql2rel.InitializerContext context) {
    ColumnDef c = table.def().columns().get(iColumn);
    org.apache.calcite.rex.RexBuilder rb = context.getRexBuilder();
    RelDataType type = t.getRowType().getFieldList().get(iColumn).getType();
    if (c.defaultSql() == null) {
      return rb.makeNullLiteral(type);
    }
    org.apache.calcite.sql.SqlNode e = context.parseExpression(
        org.apache.calcite.sql.parser.SqlParser.config()
            .withParserFactory(org.vsldb.sql.parser.impl.VslSqlParserImpl.FACTORY),
        c.defaultSql());
    org.apache.calcite.rex.RexNode value;
    if (e.getKind() == org.apache.calcite.sql.SqlKind.NEXT_VALUE
        || e.getKind() == org.apache.calcite.sql.SqlKind.CURRENT_VALUE) {
      // DEFAULT NEXT VALUE FOR seq: Calcite's conversion needs a validated call, which a default is not
      value = org.vsldb.sql.plan.SequenceCalls.call(rb, (org.apache.calcite.sql.SqlCall) e, table.def().schema());
    } else {
      if (callsByName(e)) {
        // a function the parser left unresolved (LPAD, RANDOM_UUID, ...): its operator comes from
        // the statement's operator table, through validation; a default names no column
        org.apache.calcite.sql.SqlNode v = context.validateExpression(rb.getTypeFactory().builder().build(), e);
        e = v.getKind() == org.apache.calcite.sql.SqlKind.AS ? ((org.apache.calcite.sql.SqlCall) v).operand(0) : v;
      }
      value = context.convertExpression(e);
    }
    return rb.makeCast(type, value, true, false);
  }

  /** Whether {@code e} calls a function by a name the parser did not resolve. */
  private static boolean callsByName(org.apache.calcite.sql.SqlNode e) {
    boolean[] found = {false};
    e.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlCall call) {
        if (call.getOperator() instanceof org.apache.calcite.sql.SqlUnresolvedFunction) {
          found[0] = true;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  @Override
  public java.util.function.BiFunction<org.apache.calcite.sql2rel.InitializerContext,
      org.apache.calcite.rel.RelNode, org.apache.calcite.rel.RelNode> postExpressionConversionHook() {
    return null;
  }

  @Override
  public org.apache.calcite.rex.RexNode newAttributeInitializer(RelDataType type,
      org.apache.calcite.sql.SqlFunction constructor, int iAttribute,
      List<org.apache.calcite.rex.RexNode> constructorArgs,
      org.apache.calcite.sql2rel.InitializerContext context) {
    return context.getRexBuilder().makeNullLiteral(type);
  }

  @Override
  public Statistic getStatistic() {
    List<ImmutableBitSet> keys = new ArrayList<>();
    if (table.def().hasPrimaryKey()) {
      keys.add(ImmutableBitSet.of(table.def().primaryKey()));
    }
    return Statistics.of(
        Math.max(1, table.approximateRowCount()), keys, List.of());
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    Transaction txn = VslDataContext.transaction(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new org.vsldb.sql.exec.CancellableRows(
            () -> RuntimeRows.toRuntime(txn.scan(table), table.def()), VslDataContext.cancelFlag(root));
      }
    };
  }
}
