/**
 * The vsl JDBC driver. Public: {@link org.vsldb.jdbc.VslDriver} and
 * {@link org.vsldb.jdbc.VslDataSource}; every other class implements one JDBC interface over the
 * SQL layer's {@link org.vsldb.sql.exec.Session}.
 */
package org.vsldb.jdbc;
