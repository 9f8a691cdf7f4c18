package dev.agentry.engine.model;

/**
 * How a team delegates, with the defaults applied (Agno's {@code Team} delegation fields).
 *
 * @param respondDirectly a member's answer is the team's answer, without the leader answering again (always so in
 *     route mode)
 * @param determineInputForMembers the leader writes each member's task; false to send members the user's input
 * @param delegateToAllMembers the leader has one tool that sends the task to every member at once (always so in
 *     broadcast mode)
 * @param shareMemberInteractions members read what earlier members of the same run were asked and answered
 * @param addMemberToolsToContext the leader's context lists each member's tools
 * @param getMemberInformationTool the leader has a {@code get_member_information} tool
 * @param addTeamHistoryToMembers members read the team's earlier runs of the session
 * @param numTeamHistoryRuns how many of those runs (default 3)
 * @param storeMemberResponses the team's stored run keeps its members' runs ({@code member_responses})
 * @param streamMemberEvents the members' events are streamed with the team's
 * @param showMembersResponses the members' answers are shown with the team's answer
 * @param maxIterations in tasks mode, how many rounds of work the leader may do before it must answer (default 10)
 */
public record TeamSettings(
    TeamMode mode,
    boolean respondDirectly,
    boolean determineInputForMembers,
    boolean delegateToAllMembers,
    boolean shareMemberInteractions,
    boolean addMemberToolsToContext,
    boolean getMemberInformationTool,
    boolean addTeamHistoryToMembers,
    int numTeamHistoryRuns,
    boolean storeMemberResponses,
    boolean streamMemberEvents,
    boolean showMembersResponses,
    int maxIterations) {}
