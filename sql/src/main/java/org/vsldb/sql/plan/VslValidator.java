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
final class VslValidator extends SqlValidatorImpl {
  private static final Set<SqlTypeName> BOUNDED_VARYING =
      EnumSet.of(SqlTypeName.VARCHAR, SqlTypeName.BINARY, SqlTypeName.VARBINARY);

  VslValidator(SqlOperatorTable operators, Prepare.CatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  private List<RelDataType> literalTypes = List.of();

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
