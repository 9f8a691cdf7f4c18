/**
 * Server-sent events: run events as the contract frames them ({@code event: <Name>}, one {@code data:} line, a blank
 * line), the per-run event buffers that let a slow client lag without stalling its run, and {@code /resume}. Which
 * events a run emits is the engine's business, not this package's.
 */
@NullMarked
package dev.agentry.server.sse;

import org.jspecify.annotations.NullMarked;
