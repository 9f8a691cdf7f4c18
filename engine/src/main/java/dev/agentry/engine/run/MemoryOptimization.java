package dev.agentry.engine.run;

import dev.agentry.engine.store.UserMemory;
import java.util.List;

/**
 * What optimizing a user's memories gave ({@code POST /optimize-memories}): the memories afterwards, and the counts and
 * tokens before and after. Tokens are estimated at four characters a token.
 */
public record MemoryOptimization(
    List<UserMemory> memories,
    int memoriesBefore,
    int memoriesAfter,
    long tokensBefore,
    long tokensAfter,
    long tokensSaved,
    double reductionPercentage) {
  public MemoryOptimization {
    memories = List.copyOf(memories);
  }
}
