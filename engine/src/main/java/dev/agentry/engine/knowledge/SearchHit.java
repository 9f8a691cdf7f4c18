package dev.agentry.engine.knowledge;

/**
 * A chunk found by a search, with its score (higher is better; the scale depends on the search type: cosine
 * similarity for vector, BM25 or ts_rank for keyword, reciprocal-rank-fusion for hybrid).
 */
public record SearchHit(Chunk chunk, double score) {}
