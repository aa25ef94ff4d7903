/** vsl's SQL type rules ({@link org.vsldb.sql.type.VslTypeSystem}) and value conversions. */
package org.vsldb.sql.type;
