/**
 * Not API: what the store backends share (the JSON codec of stored records).
 */
@NullMarked
package dev.agentry.engine.store.internal;

import org.jspecify.annotations.NullMarked;
