/**
 * vsl's own SQL nodes for its grammar extensions. The grammar itself is in
 * {@code src/main/codegen} (FMPP config and {@code parserImpls.ftl}), compiled into
 * {@code org.vsldb.sql.parser.impl.VslSqlParserImpl} by the build.
 */
package org.vsldb.sql.parser;
