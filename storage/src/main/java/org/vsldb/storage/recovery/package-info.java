/**
 * Opening a database directory: taking the lock, reading and replaying the log, cutting a torn
 * tail. See {@link org.vsldb.storage.recovery.Recovery} for the state machine.
 */
package org.vsldb.storage.recovery;
