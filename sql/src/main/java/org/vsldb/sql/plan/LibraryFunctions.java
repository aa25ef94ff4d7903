package org.vsldb.sql.plan;

import static org.apache.calcite.sql.fun.SqlLibraryOperators.BIT_LENGTH;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.BOOL_AND;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.BOOL_OR;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.CHAR;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.CHR;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.CONCAT_FUNCTION_WITH_NULL;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.CONCAT_WS_POSTGRESQL;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.COSH;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.DAYNAME;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.DECODE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.DIFFERENCE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.ENDS_WITH;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.FROM_BASE64;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.GROUP_CONCAT;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.GREATEST;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.IFNULL;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.ILIKE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.INSTR;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.LEAST;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.LEFT;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.LENGTH;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.LOG_MYSQL;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.LPAD;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.LTRIM;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.MD5;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.MONTHNAME;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.NOT_ILIKE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.NVL;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.NVL2;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.RANDOM;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.REGEXP_LIKE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.REGEXP_REPLACE_2;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.REGEXP_REPLACE_3;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.REGEXP_SUBSTR;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.REPEAT;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.REVERSE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.RIGHT;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.RPAD;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.RTRIM;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.SHA1;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.SHA256;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.SINH;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.SOUNDEX;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.SPACE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.SPLIT_PART;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.STARTS_WITH;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.STRING_AGG;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.STRPOS;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.SUBSTR_ORACLE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.TANH;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.TO_BASE64;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.TO_CHAR_PG;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.TO_DATE;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.TO_TIMESTAMP;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.TRANSLATE3;
import static org.apache.calcite.sql.fun.SqlLibraryOperators.TRUNC_BIG_QUERY;

import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The functions vsl offers beyond Calcite's standard operator table: those of H2, PostgreSQL and
 * MySQL that programs written for H2 use most, each one of Calcite's library operators in the
 * variant whose meaning is H2's where H2 has the function (docs/SQL.md, "Functions beyond
 * standard SQL"). The validator's operator table chains this one after the standard one.
 */
final class LibraryFunctions {
  static final SqlOperatorTable TABLE = SqlOperatorTables.of(java.util.stream.Stream.concat(java.util.stream.Stream.of(
      // text
      LENGTH, CONCAT_FUNCTION_WITH_NULL, CONCAT_WS_POSTGRESQL, LEFT, RIGHT, LPAD, RPAD, LTRIM, RTRIM,
      SUBSTR_ORACLE, INSTR, STRPOS, REPEAT, SPACE, REVERSE,
      TRANSLATE3, // named TRANSLATE3: the parser makes TRANSLATE(s, from, to) a call of it
      CHR, CHAR, SOUNDEX, DIFFERENCE, SPLIT_PART, STARTS_WITH, ENDS_WITH, BIT_LENGTH,
      // patterns
      REGEXP_REPLACE_2, REGEXP_REPLACE_3, REGEXP_LIKE, REGEXP_SUBSTR, ILIKE, NOT_ILIKE,
      // hashes and encodings
      MD5, SHA1, SHA256, TO_BASE64, FROM_BASE64,
      MethodFunctions.named("UTF8TOSTRING", org.vsldb.sql.type.TextBytes.class, "utf8ToString",
          ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE),
          java.util.List.of(org.apache.calcite.sql.type.SqlTypeFamily.BINARY),
          org.apache.calcite.avatica.util.ByteString.class),
      MethodFunctions.named("STRINGTOUTF8", org.vsldb.sql.type.TextBytes.class, "stringToUtf8",
          ReturnTypes.explicit(SqlTypeName.VARBINARY).andThen(SqlTypeTransforms.TO_NULLABLE),
          java.util.List.of(org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER), String.class),
      // NULLs and choices; GREATEST and LEAST are NULL when an argument is, as in H2 2.3
      IFNULL, NVL, NVL2, DECODE, GREATEST, LEAST, CaseWhenFunction.INSTANCE,
      // numbers; MySQL's LOG has H2's argument order, LOG(base, x)
      LOG_MYSQL, TRUNC_BIG_QUERY, RANDOM, SINH, COSH, TANH,
      // dates and times; PostgreSQL's TO_CHAR pads names as H2's (Oracle's) does
      DAYNAME, MONTHNAME, TO_CHAR_PG, TO_DATE, TO_TIMESTAMP,
      // aggregates
      BOOL_AND, BOOL_OR, STRING_AGG, GROUP_CONCAT,
      // UUIDs
      UuidFunctions.RANDOM_UUID,
      // the session
      SessionFunctions.SCHEMA,
      // H2's dates and times
      DatetimeFunctions.FORMATDATETIME, DatetimeFunctions.PARSEDATETIME),
      DatetimeFunctions.DATE_PARTS.stream()).toList());

  private LibraryFunctions() {}
}
