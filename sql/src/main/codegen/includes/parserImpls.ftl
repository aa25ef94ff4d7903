<#--
  vsl grammar productions, included into Calcite's Parser.jj by FMPP.
  Each production builds a Calcite DDL node (org.apache.calcite.sql.ddl) where one exists,
  or one of vsl's own nodes in org.vsldb.sql.parser.
-->

boolean VslIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean VslIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** CHECKPOINT */
SqlNode SqlCheckpointStatement() :
{
    final Span s;
}
{
    <CHECKPOINT> { s = span(); }
    {
        return new SqlCheckpoint(s.end(this));
    }
}

/** COMMIT [WORK] */
SqlNode SqlCommitStatement() :
{
    final Span s;
}
{
    <COMMIT> { s = span(); } [ <WORK> ]
    {
        return new SqlTransactionControl(s.end(this), true);
    }
}

/** ROLLBACK [WORK] */
SqlNode SqlRollbackStatement() :
{
    final Span s;
}
{
    <ROLLBACK> { s = span(); } [ <WORK> ]
    {
        return new SqlTransactionControl(s.end(this), false);
    }
}

/** A signed integer literal, for identity options. */
long VslSignedLong() :
{
    boolean negative = false;
}
{
    [ <MINUS> { negative = true; } | <PLUS> ]
    <UNSIGNED_INTEGER_LITERAL>
    {
        long v = Long.parseLong(token.image);
        return negative ? -v : v;
    }
}

/** GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [ ( START WITH n [,] INCREMENT BY m ) ] */
SqlColumnSpec.Identity VslIdentity() :
{
    boolean always;
    long start = 1;
    long increment = 1;
}
{
    <GENERATED>
    ( <ALWAYS> { always = true; } | <BY> <DEFAULT_> { always = false; } )
    <AS> <IDENTITY>
    [
        <LPAREN>
        (
            <START> <WITH> start = VslSignedLong()
        |
            <INCREMENT> <BY> increment = VslSignedLong()
        |
            <COMMA>
        )*
        <RPAREN>
    ]
    {
        return new SqlColumnSpec.Identity(always, start, increment);
    }
}

/** [ ON DELETE action ] [ ON UPDATE action ]; returns the first action vsl does not support, or null. */
String VslReferentialActions() :
{
    String unsupported = null;
    String action;
}
{
    (
        <ON> ( <DELETE> | <UPDATE> ) action = VslReferentialAction() {
            if (unsupported == null && action != null) {
                unsupported = action;
            }
        }
    )*
    { return unsupported; }
}

String VslReferentialAction() :
{
}
{
    <RESTRICT> { return null; }
|
    <NO> <ACTION> { return null; }
|
    <CASCADE> { return "ON DELETE/UPDATE CASCADE"; }
|
    <SET> ( <NULL> { return "ON DELETE/UPDATE SET NULL"; } | <DEFAULT_> { return "ON DELETE/UPDATE SET DEFAULT"; } )
}

/** REFERENCES table [ (columns) ] [ actions ] */
SqlTableConstraint VslReferences(Span s, SqlIdentifier name, SqlNodeList columns) :
{
    final SqlIdentifier table;
    SqlNodeList refColumns = null;
    String unsupported;
}
{
    <REFERENCES> table = CompoundIdentifier()
    [ refColumns = ParenthesizedSimpleIdentifierList() ]
    unsupported = VslReferentialActions()
    {
        if (unsupported != null) {
            throw new ParseException("vsl supports only RESTRICT / NO ACTION foreign keys, not " + unsupported);
        }
        return new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.FOREIGN_KEY, name,
            columns, null, null, table, refColumns);
    }
}

/** A table constraint: [ CONSTRAINT name ] { CHECK (e) | UNIQUE (cols) | PRIMARY KEY (cols) | FOREIGN KEY (cols) REFERENCES ... } */
SqlTableConstraint VslTableConstraint() :
{
    SqlIdentifier name = null;
    SqlNodeList columns;
    SqlNode e;
    final Span s = Span.of();
    SqlTableConstraint c;
}
{
    [ <CONSTRAINT> { s.add(this); } name = SimpleIdentifier() ]
    (
        <CHECK> { s.add(this); } <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            return new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.CHECK, name, null, e, null, null, null);
        }
    |
        <UNIQUE> { s.add(this); } columns = ParenthesizedSimpleIdentifierList() {
            return new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.UNIQUE, name, columns, null, null, null, null);
        }
    |
        <PRIMARY> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList() {
            return new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.PRIMARY_KEY, name, columns, null, null, null, null);
        }
    |
        <FOREIGN> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList()
        c = VslReferences(s, name, columns) {
            return c;
        }
    )
}

/**
 * The rest of a column definition after its name: type, then NULL, NOT NULL, DEFAULT, identity
 * and inline constraints in any order. Inline constraints are added to {@code constraints}.
 */
SqlColumnSpec VslColumnRest(SqlIdentifier id, List<SqlTableConstraint> constraints) :
{
    final SqlDataTypeSpec type;
    Boolean notNull = null;
    SqlNode dflt = null;
    SqlColumnSpec.Identity identity = null;
    SqlIdentifier name = null;
    SqlNode e;
    SqlTableConstraint c;
    final Span s = Span.of();
    final SqlNodeList self = new SqlNodeList(java.util.Collections.singletonList(id), id.getParserPosition());
}
{
    type = DataType()
    (
        <NOT> <NULL> { notNull = true; }
    |
        <NULL> { notNull = false; }
    |
        <DEFAULT_> dflt = Expression(ExprContext.ACCEPT_SUB_QUERY)
    |
        identity = VslIdentity()
    |
        <CONSTRAINT> name = SimpleIdentifier()
    |
        <PRIMARY> { s.add(this); } <KEY> {
            constraints.add(new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.PRIMARY_KEY, name, self, null, null, null, null));
            name = null;
        }
    |
        <UNIQUE> { s.add(this); } {
            constraints.add(new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.UNIQUE, name, self, null, null, null, null));
            name = null;
        }
    |
        <CHECK> { s.add(this); } <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            constraints.add(new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.CHECK, name, null, e, null, null, null));
            name = null;
        }
    |
        { s.add(this); } c = VslReferences(s, name, self) {
            constraints.add(c);
            name = null;
        }
    )*
    {
        return new SqlColumnSpec(id.getParserPosition().plus(getPos()), id, type, notNull, dflt, null, identity);
    }
}

/** One element of a CREATE TABLE list: a column or a table constraint. */
void VslTableElement(List<SqlNode> list) :
{
    final SqlIdentifier id;
    final List<SqlTableConstraint> inline = new ArrayList<SqlTableConstraint>();
    SqlColumnSpec col;
    SqlTableConstraint c;
}
{
    (
        id = SimpleIdentifier()
        (
            LOOKAHEAD({ getToken(1).kind == COMMA || getToken(1).kind == RPAREN })
            { list.add(id); } // a bare name: CREATE TABLE t (a, b) AS query
        |
            col = VslColumnRest(id, inline) {
                list.add(col);
                list.addAll(inline);
            }
        )
    |
        c = VslTableConstraint() { list.add(c); }
    )
}

SqlNodeList VslTableElementList() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN> { s = span(); }
    VslTableElement(list)
    ( <COMMA> VslTableElement(list) )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/** CREATE TABLE [IF NOT EXISTS] name (elements) [AS query] */
SqlCreate SqlCreateTable(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    SqlNodeList elements = null;
    SqlNode query = null;
}
{
    <TABLE> ifNotExists = VslIfNotExists() id = CompoundIdentifier()
    [ elements = VslTableElementList() ]
    [ <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) ]
    {
        return SqlDdlNodes.createTable(s.end(this), replace, ifNotExists, id, elements, query);
    }
}

/** CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column [ASC|DESC], ...) */
SqlCreate SqlCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    SqlIdentifier col;
    final Span cs;
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> ifNotExists = VslIfNotExists() name = CompoundIdentifier()
    <ON> table = CompoundIdentifier()
    <LPAREN> { cs = span(); }
    col = SimpleIdentifier() [ <ASC> | <DESC> ] { columns.add(col); }
    ( <COMMA> col = SimpleIdentifier() [ <ASC> | <DESC> ] { columns.add(col); } )*
    <RPAREN>
    {
        return new SqlCreateIndex(s.end(this), ifNotExists, unique, name, table,
            new SqlNodeList(columns, cs.end(this)));
    }
}

/** CREATE SCHEMA [IF NOT EXISTS] name */
SqlCreate SqlCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
}
{
    <SCHEMA> ifNotExists = VslIfNotExists() id = CompoundIdentifier()
    {
        return SqlDdlNodes.createSchema(s.end(this), replace, ifNotExists, id);
    }
}

/** CREATE [OR REPLACE] VIEW name [(columns)] AS query */
SqlCreate SqlCreateView(Span s, boolean replace) :
{
    final SqlIdentifier id;
    SqlNodeList columns = null;
    final SqlNode query;
}
{
    <VIEW> id = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return SqlDdlNodes.createView(s.end(this), replace, id, columns, query);
    }
}

/** DROP INDEX [IF EXISTS] name */
SqlDrop SqlDropIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <INDEX> ifExists = VslIfExists() id = CompoundIdentifier()
    {
        return new SqlDropIndex(s.end(this), ifExists, id);
    }
}

/** DROP SCHEMA [IF EXISTS] name [RESTRICT] */
SqlDrop SqlDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <SCHEMA> ifExists = VslIfExists() id = CompoundIdentifier()
    [ <RESTRICT> | <CASCADE> { throw new ParseException("DROP SCHEMA ... CASCADE is not supported; drop the schema's objects first"); } ]
    {
        return SqlDdlNodes.dropSchema(s.end(this), false, ifExists, id);
    }
}

/** DROP VIEW [IF EXISTS] name [RESTRICT | CASCADE] */
SqlDrop SqlDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
    boolean cascade = false;
}
{
    <VIEW> ifExists = VslIfExists() id = CompoundIdentifier()
    [ <RESTRICT> | <CASCADE> { cascade = true; } ]
    {
        return new SqlDropRelation(s.end(this), true, ifExists, id, cascade);
    }
}

/** ALTER TABLE [IF EXISTS] name action */
SqlNode SqlAlterTableStatement() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier id;
    SqlAlterTable.Action action;
}
{
    <ALTER> { s = span(); } <TABLE> ifExists = VslIfExists() id = CompoundIdentifier()
    action = VslAlterAction()
    {
        return new SqlAlterTable(s.end(this), id, ifExists, action);
    }
}

SqlAlterTable.Action VslAlterAction() :
{
    boolean flag;
    SqlIdentifier col;
    SqlIdentifier to;
    SqlTableConstraint c;
    SqlColumnSpec spec;
    SqlNode e;
    SqlDataTypeSpec type;
    final List<SqlTableConstraint> inline = new ArrayList<SqlTableConstraint>();
}
{
    <ADD>
    (
        c = VslTableConstraint() { return new SqlAlterTable.AddConstraint(c); }
    |
        [ <COLUMN> ] flag = VslIfNotExists() col = SimpleIdentifier() spec = VslColumnRest(col, inline) {
            return new SqlAlterTable.AddColumn(spec, inline, flag);
        }
    )
|
    <DROP>
    (
        <CONSTRAINT> flag = VslIfExists() col = SimpleIdentifier() {
            return new SqlAlterTable.DropConstraint(col, flag);
        }
    |
        <PRIMARY> <KEY> { return new SqlAlterTable.DropPrimaryKey(); }
    |
        [ <COLUMN> ] flag = VslIfExists() col = SimpleIdentifier() {
            return new SqlAlterTable.DropColumn(col, flag);
        }
    )
|
    <RENAME>
    (
        <TO> to = SimpleIdentifier() { return new SqlAlterTable.RenameTable(to); }
    |
        <COLUMN> col = SimpleIdentifier() <TO> to = SimpleIdentifier() {
            return new SqlAlterTable.RenameColumn(col, to);
        }
    )
|
    <ALTER> [ <COLUMN> ] col = SimpleIdentifier()
    (
        <SET>
        (
            <DEFAULT_> e = Expression(ExprContext.ACCEPT_SUB_QUERY) {
                return new SqlAlterTable.SetDefault(col, e, null);
            }
        |
            <NOT> <NULL> { return new SqlAlterTable.SetNotNull(col, true); }
        |
            <NULL> { return new SqlAlterTable.SetNotNull(col, false); }
        |
            [ <DATA> ] <TYPE> type = DataType() { return new SqlAlterTable.SetType(col, type); }
        )
    |
        <DROP>
        (
            <DEFAULT_> { return new SqlAlterTable.SetDefault(col, null, null); }
        |
            <NOT> <NULL> { return new SqlAlterTable.SetNotNull(col, false); }
        )
    |
        <RENAME> <TO> to = SimpleIdentifier() { return new SqlAlterTable.RenameColumn(col, to); }
    |
        <TYPE> type = DataType() { return new SqlAlterTable.SetType(col, type); }
    )
}

/** SHUTDOWN */
SqlNode SqlShutdownStatement() :
{
    final Span s;
}
{
    <SHUTDOWN> { s = span(); }
    {
        return new SqlShutdown(s.end(this));
    }
}

/** COPY { DATABASE | table [(columns)] | (query) } { TO | FROM } 'file' [ WITH ( option [, ...] ) ] */
SqlNode SqlCopyStatement() :
{
    final Span s;
    boolean database = false;
    SqlIdentifier table = null;
    SqlNodeList columns = null;
    SqlNode query = null;
    boolean to;
    SqlNode file;
    final List<SqlNode> copyOptions = new ArrayList<SqlNode>();
}
{
    <COPY> { s = span(); }
    (
        <DATABASE> { database = true; }
    |
        <LPAREN> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) <RPAREN>
    |
        table = CompoundIdentifier() [ columns = ParenthesizedSimpleIdentifierList() ]
    )
    ( <TO> { to = true; } | <FROM> { to = false; } )
    file = StringLiteral()
    [
        <WITH> <LPAREN> VslCopyOption(copyOptions) ( <COMMA> VslCopyOption(copyOptions) )* <RPAREN>
    ]
    {
        if (query != null && !to) {
            throw new ParseException("COPY (query) can only be copied TO a file");
        }
        return new SqlCopy(s.end(this), database, table, columns, query, to,
            SqlLiteral.unchain(file).getValueAs(String.class), copyOptions);
    }
}

void VslCopyOption(List<SqlNode> copyOptions) :
{
    final String name;
    SqlNode value = null;
    SqlIdentifier id;
}
{
    (
        <FORMAT> { name = "FORMAT"; }
    |
        <NULL> { name = "NULL"; }
    |
        <ESCAPE> { name = "ESCAPE"; }
    |
        id = SimpleIdentifier() { name = id.getSimple().toUpperCase(java.util.Locale.ROOT); }
    )
    [
        value = StringLiteral()
    |
        <TRUE> { value = SqlLiteral.createBoolean(true, getPos()); }
    |
        <FALSE> { value = SqlLiteral.createBoolean(false, getPos()); }
    |
        id = SimpleIdentifier() { value = SqlLiteral.createCharString(id.getSimple(), getPos()); }
    |
        <BINARY> { value = SqlLiteral.createCharString("binary", getPos()); }
    ]
    {
        copyOptions.add(SqlLiteral.createCharString(name, getPos()));
        copyOptions.add(value == null ? SqlLiteral.createBoolean(true, getPos()) : value);
    }
}

/** DROP TABLE [IF EXISTS] name [RESTRICT | CASCADE] */
SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
    boolean cascade = false;
}
{
    <TABLE> ifExists = VslIfExists() id = CompoundIdentifier()
    [ <RESTRICT> | <CASCADE> { cascade = true; } ]
    {
        return new SqlDropRelation(s.end(this), false, ifExists, id, cascade);
    }
}

/**
 * BLOB, CLOB, BINARY LARGE OBJECT and CHARACTER LARGE OBJECT, each with an optional length: the
 * documented equivalents of VARBINARY and VARCHAR (README, "SQL today"). vsl keeps no separate
 * large-object type, so the names parse straight into the type they stand for.
 */
SqlTypeNameSpec VslLargeObjectTypeName() :
{
    final Span s = Span.of();
    final SqlTypeName typeName;
    final int precision;
}
{
    (
        <BLOB> { s.add(this); typeName = SqlTypeName.VARBINARY; }
    |
        <CLOB> { s.add(this); typeName = SqlTypeName.VARCHAR; }
    |
        <BINARY> { s.add(this); } <LARGE> <OBJECT> { typeName = SqlTypeName.VARBINARY; }
    |
        ( <CHARACTER> | <CHAR> ) { s.add(this); } <LARGE> <OBJECT> { typeName = SqlTypeName.VARCHAR; }
    )
    precision = PrecisionOpt()
    {
        return new SqlBasicTypeNameSpec(typeName, precision, s.end(this));
    }
}

/**
 * H2's DATEADD(unit, n, datetime) and DATEDIFF(unit, from, to), which are TIMESTAMPADD and
 * TIMESTAMPDIFF; the unit is a time unit (DAY) or a string naming one ('day'), as H2 allows.
 */
SqlNode VslDateAddOrDiffCall() :
{
    final List<SqlNode> args = new ArrayList<SqlNode>();
    final Span s;
    final SqlOperator op;
    final SqlIntervalQualifier unit;
}
{
    (
        <DATEADD> { op = SqlStdOperatorTable.TIMESTAMP_ADD; }
    |
        <DATEDIFF> { op = SqlStdOperatorTable.TIMESTAMP_DIFF; }
    )
    { s = span(); }
    <LPAREN>
    (
        unit = TimeUnitOrName()
    |
        <QUOTED_STRING> {
            unit = DateUnits.qualifier(SqlParserUtil.parseString(token.image), getPos());
        }
    )
    { args.add(unit); }
    <COMMA>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <COMMA>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <RPAREN> {
        return op.createCall(s.end(this), args);
    }
}

/**
 * H2's NOW([precision]), which is LOCALTIMESTAMP in H2, and LOCATE(search, text [, start]),
 * which is POSITION(search IN text [FROM start]).
 */
SqlNode VslNowOrLocateCall() :
{
    final List<SqlNode> args = new ArrayList<SqlNode>();
    final Span s;
}
{
    <NOW> { s = span(); }
    <LPAREN>
    [ <UNSIGNED_INTEGER_LITERAL> { args.add(SqlLiteral.createExactNumeric(token.image, getPos())); } ]
    <RPAREN> {
        // without a precision, the word LOCALTIMESTAMP, which the validator makes its call
        return args.isEmpty()
            ? new SqlIdentifier("LOCALTIMESTAMP", s.end(this))
            : SqlStdOperatorTable.LOCALTIMESTAMP.createCall(s.end(this), args);
    }
|
    <LOCATE> { s = span(); }
    <LPAREN>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    <COMMA>
    AddExpression(args, ExprContext.ACCEPT_SUB_QUERY)
    [ <COMMA> AddExpression(args, ExprContext.ACCEPT_SUB_QUERY) ]
    <RPAREN> {
        return SqlStdOperatorTable.POSITION.createCall(s.end(this), args);
    }
}
