/** The error catalog ({@link org.vsldb.sql.error.ErrorCode}) and the mapping of lower layers' failures onto it. */
package org.vsldb.sql.error;
