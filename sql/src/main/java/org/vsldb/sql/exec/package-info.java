/**
 * Running prepared commands: the {@link org.vsldb.sql.exec.Command} kinds, the DML executor that
 * applies Calcite's computed rows to a transaction, the DDL executor, and the run-time data
 * context.
 */
package org.vsldb.sql.exec;
