/** The vsl shell, built on sqlline: {@link org.vsldb.shell.Shell}. */
package org.vsldb.shell;
