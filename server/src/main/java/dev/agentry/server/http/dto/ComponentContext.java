package dev.agentry.server.http.dto;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.AgentTool;
import dev.agentry.engine.run.Target;
import java.util.List;
import java.util.function.Function;

/**
 * What the component responses of one request are built from: one catalog, read once per request so that a reload
 * in between cannot mix two versions (a team found in one and its members looked up in the next), and the functions each agent's or team leader's model may call on that same catalog. The responses
 * look nothing up anywhere else.
 *
 * @param tools the functions an agent's or a team leader's model may call on {@code catalog}
 */
public record ComponentContext(Catalog catalog, Function<Target, List<AgentTool>> tools) {}
