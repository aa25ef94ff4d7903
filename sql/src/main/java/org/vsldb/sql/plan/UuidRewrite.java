package org.vsldb.sql.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.type.UuidValues;

/**
 * UUIDs with H2's meaning (docs/SQL.md, "UUID"), where Calcite's differs. After conversion to
 * relational algebra:
 *
 * <ul>
 *   <li>a cast of text to UUID reads the text by H2's rule ({@link UuidValues#fromText}: 32
 *       hexadecimal digits, dashes anywhere) instead of {@link java.util.UUID#fromString};
 *   <li>a comparison of a UUID with text, which Calcite makes a comparison of the UUID's text with
 *       the text as written, compares UUIDs: the text is converted to a UUID (a constant one is
 *       folded, so {@code id = '...'} stays a primary-key lookup);
 *   <li>an order comparison ({@code < <= > >=}) of UUIDs, {@code ORDER BY} a UUID, and {@code MIN}
 *       and {@code MAX} of UUIDs go by the UUIDs' 16 bytes as unsigned numbers, as in H2 and
 *       PostgreSQL, instead of {@link java.util.UUID#compareTo}'s two signed halves: they compare
 *       the UUIDs' canonical text (lowercase digits at fixed places, whose order is that of the
 *       bytes);
 *   <li>an IN list or range of UUIDs (a {@code SEARCH}) is compared one value at a time, and the
 *       text literals of VALUES typed UUID become UUID literals.
 * </ul>
 */
final class UuidRewrite extends ExpressionRewrite {
  private static final Set<SqlKind> ORDER = EnumSet.of(SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL);
  private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
      SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM);

  /**
   * The two functions, made when a statement first needs one. The order key is a function of
   * vsl's, not a cast to text: the planner takes a cast to keep its operand's order, and would
   * sort by the UUID itself again.
   */
  private static final class Functions {
    static final SqlOperator FROM_TEXT = MethodFunctions.of("VSL_UUID_FROM_TEXT", UuidValues.class, "fromText",
        ReturnTypes.explicit(SqlTypeName.UUID), String.class);
    static final SqlOperator ORDER_KEY = MethodFunctions.of("VSL_UUID_ORDER_KEY", UuidValues.class, "orderKey",
        ReturnTypes.explicit(SqlTypeName.CHAR, 36), java.util.UUID.class);
  }

  private final RexBuilder rexBuilder;
  private final RexShuttle rex = new Rewriter();

  UuidRewrite(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  @Override
  protected RexShuttle expressions() {
    return rex;
  }

  /**
   * VALUES with UUID text, an aggregate's MIN or MAX of UUIDs, and a sort on UUID columns
   * (which sorts on their text, in a column added below it and dropped above it).
   */
  @Override
  protected RelNode rewriteNode(RelNode node) {
    if (node instanceof org.apache.calcite.rel.logical.LogicalValues values) {
      return uuidValues(values);
    }
    if (node instanceof org.apache.calcite.rel.logical.LogicalAggregate aggregate) {
      return uuidMinMax(aggregate);
    }
    if (!(node instanceof LogicalSort sort) || sort.getCollation().getFieldCollations().isEmpty()) {
      return node;
    }
    RelNode input = sort.getInput();
    List<RelDataType> types = new ArrayList<>();
    input.getRowType().getFieldList().forEach(f -> types.add(f.getType()));
    boolean any = sort.getCollation().getFieldCollations().stream()
        .anyMatch(c -> isUuid(types.get(c.getFieldIndex())));
    if (!any) {
      return node;
    }
    int n = types.size();
    List<RexNode> below = new ArrayList<>();
    List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
    for (int i = 0; i < n; i++) {
      below.add(rexBuilder.makeInputRef(input, i));
    }
    List<RelFieldCollation> keys = new ArrayList<>();
    for (RelFieldCollation c : sort.getCollation().getFieldCollations()) {
      int f = c.getFieldIndex();
      if (isUuid(types.get(f))) {
        below.add(text(rexBuilder.makeInputRef(input, f)));
        names.add("UUID$" + f + "$" + below.size());
        keys.add(c.withFieldIndex(below.size() - 1));
      } else {
        keys.add(c);
      }
    }
    RelNode project = LogicalProject.create(input, List.of(), below, names, java.util.Set.of());
    RelCollation collation = RelCollations.of(keys);
    Sort sorted = LogicalSort.create(project, collation, sort.offset, sort.fetch);
    List<RexNode> above = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      above.add(rexBuilder.makeInputRef(sorted, i));
    }
    return LogicalProject.create(sorted, List.of(), above, input.getRowType().getFieldNames(), java.util.Set.of());
  }

  /**
   * An aggregate whose MIN or MAX of UUIDs takes them over their text ({@link #text}), in columns
   * added below it, and turns the result back into a UUID above it.
   */
  private RelNode uuidMinMax(org.apache.calcite.rel.logical.LogicalAggregate aggregate) {
    RelNode input = aggregate.getInput();
    List<org.apache.calcite.rel.type.RelDataTypeField> in = input.getRowType().getFieldList();
    List<org.apache.calcite.rel.core.AggregateCall> calls = aggregate.getAggCallList();
    if (calls.stream().noneMatch(c -> uuidMinMax(c, in))) {
      return aggregate;
    }
    List<RexNode> below = new ArrayList<>();
    List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
    for (int i = 0; i < in.size(); i++) {
      below.add(rexBuilder.makeInputRef(input, i));
    }
    java.util.Map<Integer, Integer> keyOf = new java.util.HashMap<>();
    for (org.apache.calcite.rel.core.AggregateCall c : calls) {
      if (uuidMinMax(c, in)) {
        int arg = c.getArgList().get(0);
        keyOf.computeIfAbsent(arg, a -> {
          below.add(text(rexBuilder.makeInputRef(input, a)));
          names.add("UUID$" + a + "$" + below.size());
          return below.size() - 1;
        });
      }
    }
    RelNode project = LogicalProject.create(input, List.of(), below, names, java.util.Set.of());
    int groups = aggregate.getGroupCount();
    List<org.apache.calcite.rel.core.AggregateCall> rewritten = new ArrayList<>();
    for (org.apache.calcite.rel.core.AggregateCall c : calls) {
      rewritten.add(uuidMinMax(c, in)
          ? org.apache.calcite.rel.core.AggregateCall.create(c.getAggregation(), c.isDistinct(), c.isApproximate(),
              c.ignoreNulls(), List.of(keyOf.get(c.getArgList().get(0))), c.filterArg, c.distinctKeys,
              c.collation, groups, project, null, c.name)
          : c);
    }
    RelNode grouped = org.apache.calcite.rel.logical.LogicalAggregate.create(project, aggregate.getHints(),
        aggregate.getGroupSet(), aggregate.getGroupSets(), rewritten);
    List<org.apache.calcite.rel.type.RelDataTypeField> out = aggregate.getRowType().getFieldList();
    List<RexNode> above = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      RexNode ref = rexBuilder.makeInputRef(grouped, i);
      boolean back = i >= groups && uuidMinMax(calls.get(i - groups), in);
      above.add(back ? rexBuilder.makeCall(out.get(i).getType(), Functions.FROM_TEXT, List.of(ref)) : ref);
    }
    return LogicalProject.create(grouped, List.of(), above, aggregate.getRowType().getFieldNames(),
        java.util.Set.of());
  }

  private static boolean uuidMinMax(org.apache.calcite.rel.core.AggregateCall c,
      List<org.apache.calcite.rel.type.RelDataTypeField> in) {
    SqlKind k = c.getAggregation().getKind();
    return (k == SqlKind.MIN || k == SqlKind.MAX) && c.getArgList().size() == 1
        && isUuid(in.get(c.getArgList().get(0)).getType());
  }

  /**
   * VALUES whose UUID columns hold text literals (sql2rel types the literals of an INSERT's
   * VALUES as the columns but keeps them as written) with UUID literals in their place.
   */
  private RelNode uuidValues(org.apache.calcite.rel.logical.LogicalValues values) {
    List<org.apache.calcite.rel.type.RelDataTypeField> fields = values.getRowType().getFieldList();
    boolean any = false;
    List<List<org.apache.calcite.rex.RexLiteral>> tuples = new ArrayList<>();
    for (List<org.apache.calcite.rex.RexLiteral> tuple : values.getTuples()) {
      List<org.apache.calcite.rex.RexLiteral> t = new ArrayList<>(tuple);
      for (int i = 0; i < t.size(); i++) {
        org.apache.calcite.rex.RexLiteral l = t.get(i);
        if (isUuid(fields.get(i).getType()) && isText(l) && !l.isNull()) {
          try {
            t.set(i, rexBuilder.makeUuidLiteral(UuidValues.parse(l.getValueAs(String.class).strip())));
          } catch (java.sql.SQLException e) {
            throw new IllegalArgumentException("Invalid UUID string: '" + l.getValueAs(String.class)
                + "' (32 hexadecimal digits, dashes allowed)", e);
          }
          any = true;
        }
      }
      tuples.add(t);
    }
    if (!any) {
      return values;
    }
    List<List<org.apache.calcite.rex.RexLiteral>> immutable = new ArrayList<>();
    tuples.forEach(t -> immutable.add(List.copyOf(t)));
    return org.apache.calcite.rel.logical.LogicalValues.create(values.getCluster(), values.getRowType(),
        com.google.common.collect.ImmutableList.copyOf(
            immutable.stream().map(com.google.common.collect.ImmutableList::copyOf).toList()));
  }

  /**
   * The statement's root ordered by the text of its UUID columns: when its order is on UUID
   * columns, its sort was rewritten to sort on their text ({@link #rewriteNode}), and the root
   * becomes that sort (its first fields are the statement's, the text columns follow) with the
   * sort's order required. A required order on the UUID columns themselves would make the planner
   * sort again by {@link java.util.UUID#compareTo}.
   */
  static org.apache.calcite.rel.RelRoot orderedByText(org.apache.calcite.rel.RelRoot root) {
    List<org.apache.calcite.rel.type.RelDataTypeField> fields = root.rel.getRowType().getFieldList();
    boolean uuid = root.collation.getFieldCollations().stream()
        .anyMatch(c -> c.getFieldIndex() < fields.size() && isUuid(fields.get(c.getFieldIndex()).getType()));
    if (!uuid) {
      return root;
    }
    if (root.rel instanceof LogicalProject top && top.getInput() instanceof LogicalSort sort
        && sort.getCollation().getFieldCollations().stream()
            .anyMatch(c -> c.getFieldIndex() >= fields.size())) {
      return new org.apache.calcite.rel.RelRoot(sort, root.validatedRowType, root.kind, root.fields,
          sort.getCollation(), root.hints);
    }
    return root.withCollation(RelCollations.EMPTY);
  }

  private static boolean isUuid(RelDataType t) {
    return t.getSqlTypeName() == SqlTypeName.UUID;
  }

  private static boolean isText(RexNode e) {
    return e.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
  }

  /** The UUID under Calcite's cast of it to text, or null. */
  private static RexNode castUuid(RexNode e) {
    if (e.getKind() == SqlKind.CAST && isText(e)) {
      RexNode inner = ((RexCall) e).operands.get(0);
      return isUuid(inner.getType()) ? inner : null;
    }
    return null;
  }

  /** A UUID's canonical text ({@link UuidValues#orderKey}), whose order is that of its bytes. */
  private RexNode text(RexNode uuid) {
    RelDataTypeFactory f = rexBuilder.getTypeFactory();
    RelDataType t = f.createTypeWithNullability(f.createSqlType(SqlTypeName.CHAR, 36), uuid.getType().isNullable());
    return rexBuilder.makeCall(t, Functions.ORDER_KEY, List.of(uuid));
  }

  /**
   * Text as a UUID: a literal becomes a UUID literal when it names one (else the conversion fails
   * when it runs, 22018), anything else a call of {@link UuidValues#fromText}.
   */
  private RexNode fromText(RexNode text) {
    if (text instanceof org.apache.calcite.rex.RexLiteral literal) {
      String s = literal.getValueAs(String.class);
      if (s == null) {
        return rexBuilder.makeNullLiteral(rexBuilder.getTypeFactory().createTypeWithNullability(
            rexBuilder.getTypeFactory().createSqlType(SqlTypeName.UUID), true));
      }
      try {
        return rexBuilder.makeUuidLiteral(UuidValues.parse(s.strip()));
      } catch (java.sql.SQLException notAUuid) {
        // the call below fails with 22018 when the statement runs, as H2's conversion does
      }
    }
    RelDataTypeFactory f = rexBuilder.getTypeFactory();
    RelDataType t = f.createTypeWithNullability(f.createSqlType(SqlTypeName.UUID), text.getType().isNullable());
    return rexBuilder.makeCall(t, Functions.FROM_TEXT, List.of(text));
  }

  private final class Rewriter extends Expressions {
    @Override
    public RexNode visitCall(RexCall original) {
      RexNode visited = super.visitCall(original);
      if (!(visited instanceof RexCall call)) {
        return visited;
      }
      List<RexNode> ops = call.getOperands();
      if (call.getKind() == SqlKind.SEARCH && (castUuid(ops.get(0)) != null || isUuid(ops.get(0).getType()))) {
        // an IN list or range of UUIDs, as text or UUIDs: its comparisons one by one, each rewritten
        return org.apache.calcite.rex.RexUtil.expandSearch(rexBuilder, null, call).accept(this);
      }
      if (call.getKind() == SqlKind.CAST && ops.size() == 1 && isUuid(call.getType()) && isText(ops.get(0))) {
        return fromText(ops.get(0));
      }
      if (!COMPARISONS.contains(call.getKind()) || ops.size() != 2) {
        return call;
      }
      RexNode a = ops.get(0);
      RexNode b = ops.get(1);
      // Calcite's UUID = text: CAST(uuid AS VARCHAR) = text; compare UUIDs instead
      RexNode ua = castUuid(a);
      RexNode ub = castUuid(b);
      if (ua != null && ub == null && isText(b)) {
        a = ua;
        b = fromText(b);
      } else if (ub != null && ua == null && isText(a)) {
        a = fromText(a);
        b = ub;
      } else if (!isUuid(a.getType()) || !isUuid(b.getType())) {
        return call;
      }
      if (ORDER.contains(call.getKind())) {
        return call.clone(call.getType(), List.of(text(a), text(b)));
      }
      return a == ops.get(0) && b == ops.get(1) ? call : call.clone(call.getType(), List.of(a, b));
    }
  }
}
