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

/**
 * One element of a CREATE TABLE list: a column with its inline constraints, or a table
 * constraint. An inline PRIMARY KEY or UNIQUE becomes a table constraint on that column.
 */
void VslTableElement(List<SqlNode> list) :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    boolean nullable = true;
    SqlNode e = null;
    SqlNode constraint;
    SqlIdentifier name = null;
    SqlNodeList columnList;
    final Span s = Span.of();
    ColumnStrategy strategy = null;
    final List<SqlNode> inline = new ArrayList<SqlNode>();
}
{
    (
        id = SimpleIdentifier()
        type = DataType()
        (
            <NOT> <NULL> { nullable = false; }
        |
            <NULL> { nullable = true; }
        |
            <DEFAULT_> e = Expression(ExprContext.ACCEPT_SUB_QUERY) {
                strategy = ColumnStrategy.DEFAULT;
            }
        |
            <PRIMARY> { s.add(this); } <KEY> {
                nullable = false;
                inline.add(SqlDdlNodes.primary(s.end(this), null,
                    new SqlNodeList(java.util.Collections.singletonList(id), id.getParserPosition())));
            }
        |
            <UNIQUE> { s.add(this); } {
                inline.add(SqlDdlNodes.unique(s.end(this), null,
                    new SqlNodeList(java.util.Collections.singletonList(id), id.getParserPosition())));
            }
        )*
        {
            if (strategy == null) {
                strategy = nullable ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
            }
            list.add(
                SqlDdlNodes.column(s.add(id).end(this), id,
                    type.withNullable(nullable), e, strategy));
            list.addAll(inline);
        }
    |
        [ <CONSTRAINT> { s.add(this); } name = SimpleIdentifier() ]
        (
            <CHECK> { s.add(this); } <LPAREN>
            e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
                list.add(SqlDdlNodes.check(s.end(this), name, e));
            }
        |
            <UNIQUE> { s.add(this); }
            columnList = ParenthesizedSimpleIdentifierList() {
                list.add(SqlDdlNodes.unique(s.end(columnList), name, columnList));
            }
        |
            <PRIMARY> { s.add(this); } <KEY>
            columnList = ParenthesizedSimpleIdentifierList() {
                list.add(SqlDdlNodes.primary(s.end(columnList), name, columnList));
            }
        )
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

/** DROP TABLE [IF EXISTS] name */
SqlDrop SqlDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier id;
}
{
    <TABLE> ifExists = VslIfExists() id = CompoundIdentifier()
    {
        return SqlDdlNodes.dropTable(s.end(this), ifExists, id);
    }
}
