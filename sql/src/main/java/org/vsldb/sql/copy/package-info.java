/**
 * {@code COPY} of a table or query to and from CSV and PostgreSQL's text format (PRODUCT.md
 * section 3.3; docs/SQL.md, "COPY"). {@link org.vsldb.sql.copy.CopyPlanner} turns a parsed
 * {@code SqlCopy} into a {@link org.vsldb.sql.copy.CopyPlan}; {@link org.vsldb.sql.copy.CopyRunner}
 * runs it in the session's transaction through a {@link org.vsldb.sql.copy.CopyContext}.
 * {@code CopyOptions} reads the {@code WITH} options, {@code ValueText} writes and reads each
 * value losslessly, {@code FileWriterSink} and {@code FileReaderSource} handle the two file
 * formats, and {@link org.vsldb.sql.copy.FileAccessPolicy} decides which files a connection may
 * use ({@code fileAccess}).
 */
package org.vsldb.sql.copy;
