package org.vsldb.sql.plan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator, except that a {@code ?} parameter whose type comes from a VARCHAR(n),
 * BINARY(n) or VARBINARY(n) context gets the unbounded VARCHAR or VARBINARY type. Calcite's
 * generated code truncates a parameter to its type's length, so {@code v = ?} would match a
 * longer value by its prefix, and an INSERT would store a cut value instead of failing with 22001.
 * With the wide type the whole value reaches the comparison, and {@link DmlInputs} and
 * {@code Values.forColumn} check it against the column.
 *
 * <p>CHAR(n) keeps its length: a parameter compared with a CHAR column is padded to it.
 *
 * <p>A parameter that stands for a literal of an ad-hoc statement ({@link AdHocDigest}) takes the
 * type {@link AdHocDigest#parameterTypes} gives it, whatever its context.
 */
final class VslValidator extends SqlValidatorImpl implements org.vsldb.sql.parser.SequenceValueOperator.Types {
  private static final Set<SqlTypeName> BOUNDED_VARYING =
      EnumSet.of(SqlTypeName.VARCHAR, SqlTypeName.BINARY, SqlTypeName.VARBINARY);

  VslValidator(SqlOperatorTable operators, Prepare.CatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  private List<RelDataType> literalTypes = List.of();

  /** The store's catalog, where NEXT VALUE FOR finds its sequence; and the statement's schema. */
  private org.vsldb.storage.table.Catalog catalog;
  private String schema;
  /** The sequence names of this statement's NEXT and CURRENT VALUE FOR calls. */
  private final Set<org.apache.calcite.sql.SqlIdentifier> sequenceNames =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** Text in VALUES for UUID and other non-text columns gets a cast first ({@link InsertValueCasts}). */
  @Override
  public void validateInsert(org.apache.calcite.sql.SqlInsert insert) {
    if (insert.getTargetTable() instanceof org.apache.calcite.sql.SqlIdentifier id) {
      InsertValueCasts.apply(insert, getCatalogReader().getTable(id.names));
    }
    super.validateInsert(insert);
  }

  /**
   * A call of a name that no operator table knows fails as H2 reports it, "Function NAME not
   * found" (90022, through {@code SqlErrors}); a known name called with arguments none of its
   * overloads takes keeps Calcite's message (42000).
   */
  @Override
  public org.apache.calcite.runtime.CalciteException handleUnresolvedFunction(
      org.apache.calcite.sql.SqlCall call, org.apache.calcite.sql.SqlOperator unresolved,
      List<RelDataType> argTypes, List<String> argNames) {
    List<org.apache.calcite.sql.SqlOperator> overloads = new java.util.ArrayList<>();
    for (org.apache.calcite.sql.SqlSyntax syntax : List.of(
        org.apache.calcite.sql.SqlSyntax.FUNCTION, org.apache.calcite.sql.SqlSyntax.FUNCTION_ID)) {
      getOperatorTable().lookupOperatorOverloads(
          unresolved.getNameAsId(), null, syntax, overloads, getCatalogReader().nameMatcher());
    }
    if (overloads.isEmpty()) {
      String message = "Function '" + unresolved.getNameAsId() + "' not found";
      org.apache.calcite.sql.parser.SqlParserPos pos = call.getParserPosition();
      throw new org.apache.calcite.runtime.CalciteContextException(message,
          new org.apache.calcite.sql.validate.SqlValidatorException(message, null),
          pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }
    return super.handleUnresolvedFunction(call, unresolved, argTypes, argNames);
  }

  /** Gives the catalog and default schema sequence names are resolved in. */
  void resolveSequencesIn(org.vsldb.storage.table.Catalog catalog, String schema) {
    this.catalog = catalog;
    this.schema = schema;
  }

  /**
   * Resolves the sequence of NEXT or CURRENT VALUE FOR in the store's catalog (Calcite would look
   * for a table); {@link SequenceCalls} resolves the name the same way.
   */
  @Override
  public void validateSequenceValue(SqlValidatorScope scope, org.apache.calcite.sql.SqlIdentifier id) {
    sequence(id);
    sequenceNames.add(id);
  }

  @Override
  public SqlTypeName sequenceType(org.apache.calcite.sql.SqlIdentifier id) {
    return SqlTypeName.valueOf(sequence(id).def().dataType());
  }

  /** The sequence {@code id} names, in the statement's schema if unqualified. */
  private org.vsldb.storage.table.Sequence sequence(org.apache.calcite.sql.SqlIdentifier id) {
    List<String> names = id.names;
    String[] q = names.size() == 1 ? new String[] {schema, names.get(0)}
        : names.size() == 2 ? new String[] {names.get(0), names.get(1)} : null;
    org.vsldb.storage.table.Sequence found = q == null || catalog == null ? null : catalog.sequence(q[0], q[1]);
    if (found == null) {
      String shown = q == null ? String.join(".", names) : q[0] + "." + q[1];
      org.apache.calcite.sql.parser.SqlParserPos pos = id.getParserPosition();
      throw new org.apache.calcite.runtime.CalciteContextException("Sequence '" + shown + "' not found",
          new org.apache.calcite.sql.validate.SqlValidatorException("Sequence '" + shown + "' not found", null),
          pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }
    return found;
  }

  /**
   * A sequence's name is no column: Calcite's checks of a select list (roll-up columns, GROUP BY)
   * would look for one, and skip an identifier that stands for a call without arguments. The call
   * given for it is never used in the plan: NEXT VALUE FOR is converted from its own call.
   */
  @Override
  public org.apache.calcite.sql.SqlCall makeNullaryCall(org.apache.calcite.sql.SqlIdentifier id) {
    if (sequenceNames.contains(id)) {
      return org.apache.calcite.sql.fun.SqlStdOperatorTable.CURRENT_DATE.createCall(id.getParserPosition());
    }
    return super.makeNullaryCall(id);
  }

  /** Fixes the types of the first parameters: those of the literals they stand for. */
  void fixParameterTypes(List<RelDataType> types) {
    this.literalTypes = List.copyOf(types);
  }

  @Override
  protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
    if (node instanceof SqlDynamicParam p && p.getIndex() < literalTypes.size()) {
      setValidatedNodeType(node, literalTypes.get(p.getIndex()));
      return;
    }
    if (node instanceof SqlDynamicParam
        && BOUNDED_VARYING.contains(inferredType.getSqlTypeName())
        && inferredType.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED) {
      SqlTypeName wide = inferredType.getSqlTypeName() == SqlTypeName.VARCHAR
          ? SqlTypeName.VARCHAR : SqlTypeName.VARBINARY;
      RelDataTypeFactory f = getTypeFactory();
      inferredType = f.createTypeWithNullability(f.createSqlType(wide), inferredType.isNullable());
    }
    super.inferUnknownTypes(inferredType, scope, node);
  }
}
