package dev.agentry.server.http.dto;

import dev.agentry.engine.run.MemoryOptimization;
import java.util.List;

/** The answer of {@code POST /optimize-memories} ({@code OptimizeMemoriesResponse}, {@code agentos-api.md} §2.7). */
public record OptimizeMemoriesResponse(
    List<UserMemorySchema> memories,
    int memoriesBefore,
    int memoriesAfter,
    long tokensBefore,
    long tokensAfter,
    long tokensSaved,
    double reductionPercentage) {
  public OptimizeMemoriesResponse {
    memories = List.copyOf(memories);
  }

  public static OptimizeMemoriesResponse of(MemoryOptimization o) {
    return new OptimizeMemoriesResponse(o.memories().stream().map(UserMemorySchema::of).toList(), o.memoriesBefore(),
        o.memoriesAfter(), o.tokensBefore(), o.tokensAfter(), o.tokensSaved(), o.reductionPercentage());
  }
}
