package org.vsldb.storage.table;

/**
 * Where a sequence stands: the value it hands out next, or that it has run out (a sequence
 * without CYCLE past its bound).
 *
 * @param next the next value, when not exhausted
 * @param exhausted whether no value is left
 */
public record SequenceState(long next, boolean exhausted) {}
