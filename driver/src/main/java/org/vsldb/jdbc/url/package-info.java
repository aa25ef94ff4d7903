/** Connection URLs and properties, parsed into a {@link org.vsldb.jdbc.url.ConnectionConfig}. */
package org.vsldb.jdbc.url;
