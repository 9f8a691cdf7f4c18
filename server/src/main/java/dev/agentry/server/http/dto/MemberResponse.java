package dev.agentry.server.http.dto;

/** A team member as Agno's {@code TeamResponse.members} lists it: an agent's or a team's full response. */
public sealed interface MemberResponse permits AgentResponse, TeamResponse {}
