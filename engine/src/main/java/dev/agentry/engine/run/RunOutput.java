package dev.agentry.engine.run;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.MessageReferences;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunRequirement;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of a run, with Agno's {@code RunOutput} fields ({@code agentos-api.md} §2.5.2).
 *
 * @param kind whether an agent, a team or a workflow ran
 * @param componentId the id of the agent, team or workflow
 * @param parentRunId the team or workflow run this run was part of (a member's run); null for a top-level run
 * @param content the answer: text, or a JSON value for structured output; the error message when status is ERROR
 * @param contentType "str" for text, the output schema's title (or "json") for structured output
 * @param reasoningSteps the steps of step-by-step reasoning ({@code reasoning: true}); empty without
 * @param reasoningMessages the reasoning model's (or agent's) messages that joined the context; empty without
 * @param references what its knowledge searches found, one per search (the {@code search_knowledge_base} tool,
 *     classic RAG), in the order they ran; empty without
 * @param messages the whole conversation sent to and received from the model, history included
 * @param tools every tool call of the run, with its result
 * @param input the user's input as given
 * @param events the run's events, when the agent sets {@code store_events}
 * @param memberResponses a team run's member runs, in the order they were started (with
 *     {@code store_member_responses}), or a workflow run's step executor runs ({@code step_executor_runs}); empty
 *     for an agent
 * @param stepResults a workflow run's step outputs, in the order its steps ran ({@code step_results}); empty for an
 *     agent or a team
 * @param stepRequirements what a paused workflow run waits for ({@code step_requirements}); empty otherwise
 * @param specVersion the catalog version the run ran on
 * @param instanceId the engine instance that ran it ({@link EngineConfig#instanceId()}), its owner while it runs;
 *     stamped when the run is stored, null for runs stored before instances were recorded
 */
public record RunOutput(
    String runId,
    ComponentKind kind,
    @JsonAlias("agent_id") String componentId,
    @JsonAlias("agent_name") String componentName,
    @Nullable String parentRunId,
    String sessionId,
    @Nullable String userId,
    @Nullable Object content,
    String contentType,
    @Nullable String reasoningContent,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReasoningSteps.Step> reasoningSteps,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RunMessage> reasoningMessages,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MessageReferences> references,
    String model,
    String modelProvider,
    Map<String, Object> sessionState,
    long createdAt,
    RunStatus status,
    Metrics metrics,
    List<RunMessage> messages,
    List<ToolExecution> tools,
    RunInput input,
    @Nullable List<RunEvent> events,
    @Nullable Map<String, Object> metadata,
    List<RunOutput> memberResponses,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StepResult> stepResults,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StepRequirement> stepRequirements,
    String specVersion,
    @Nullable String instanceId) {
  /** The content of a run that a crash or shutdown cut short. */
  public static final String INTERRUPTED = "interrupted";

  public RunOutput {
    kind = kind == null ? ComponentKind.AGENT : kind; // runs stored before teams ran were all agents' runs
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    memberResponses = memberResponses == null ? List.of() : List.copyOf(memberResponses);
    stepResults = stepResults == null ? List.of() : List.copyOf(stepResults); // runs stored before workflows ran
    stepRequirements = stepRequirements == null ? List.of() : List.copyOf(stepRequirements);
    reasoningSteps = reasoningSteps == null ? List.of() : List.copyOf(reasoningSteps); // runs stored before them
    reasoningMessages = reasoningMessages == null ? List.of() : List.copyOf(reasoningMessages);
    references = references == null ? List.of() : List.copyOf(references); // runs stored before knowledge
  }

  /** A run without reasoning steps. */
  public RunOutput(String runId, ComponentKind kind, String componentId, String componentName,
      @Nullable String parentRunId, String sessionId, @Nullable String userId, @Nullable Object content,
      String contentType, @Nullable String reasoningContent, String model, String modelProvider,
      Map<String, Object> sessionState, long createdAt, RunStatus status, Metrics metrics, List<RunMessage> messages,
      List<ToolExecution> tools, RunInput input, @Nullable List<RunEvent> events,
      @Nullable Map<String, Object> metadata, List<RunOutput> memberResponses, List<StepResult> stepResults,
      List<StepRequirement> stepRequirements, String specVersion) {
    this(runId, kind, componentId, componentName, parentRunId, sessionId, userId, content, contentType,
        reasoningContent, List.of(), List.of(), List.of(), model, modelProvider, sessionState, createdAt, status, metrics,
        messages, tools, input, events, metadata, memberResponses, stepResults, stepRequirements, specVersion, null);
  }

  /**
   * The user's input of a run, as Agno's {@code RunInput.to_dict()} writes it: {@code input_content}, and the media
   * given with it ({@code images}, {@code videos}, {@code audios}, {@code files}; null, so left out, when none).
   */
  public record RunInput(Object inputContent, @Nullable List<Media.Image> images, @Nullable List<Media.Video> videos,
      @Nullable List<Media.Audio> audios, @Nullable List<Media.File> files) {
    public RunInput {
      images = orNull(images);
      videos = orNull(videos);
      audios = orNull(audios);
      files = orNull(files);
    }

    /** An input without media. */
    public RunInput(Object inputContent) {
      this(inputContent, null, null, null, null);
    }

    /** An input with {@code media}, each sorted into the list of its kind. */
    public static RunInput of(Object inputContent, List<? extends Media> media) {
      Message sorted = Message.user("", media);
      return new RunInput(inputContent, sorted.images(), sorted.videos(), sorted.audio(), sorted.files());
    }

    /** Every medium of the input: images, audio, videos, then files (as on the user message). */
    @JsonIgnore
    public List<Media> media() {
      List<Media> all = new java.util.ArrayList<>();
      for (List<? extends Media> list : java.util.Arrays.asList(images, audios, videos, files)) {
        if (list != null) {
          all.addAll(list);
        }
      }
      return List.copyOf(all);
    }

    private static <T> @Nullable List<T> orNull(@Nullable List<T> list) {
      return list == null || list.isEmpty() ? null : List.copyOf(list);
    }
  }

  /** This run with its stored events replaced. */
  public RunOutput withEvents(@Nullable List<RunEvent> newEvents) {
    return new RunOutput(runId, kind, componentId, componentName, parentRunId, sessionId, userId, content, contentType,
        reasoningContent, reasoningSteps, reasoningMessages, references, model, modelProvider, sessionState, createdAt, status, metrics, messages, tools, input,
        newEvents, metadata, memberResponses, stepResults, stepRequirements, specVersion, instanceId);
  }

  /** This run with {@code newMessages} as its messages. */
  public RunOutput withMessages(List<RunMessage> newMessages) {
    return new RunOutput(runId, kind, componentId, componentName, parentRunId, sessionId, userId, content, contentType,
        reasoningContent, reasoningSteps, reasoningMessages, references, model, modelProvider, sessionState, createdAt,
        status, metrics, newMessages, tools, input, events, metadata, memberResponses, stepResults, stepRequirements,
        specVersion, instanceId);
  }

  /** This run with the step outputs of a workflow run ({@code step_results}). */
  public RunOutput withStepResults(List<StepResult> results) {
    return new RunOutput(runId, kind, componentId, componentName, parentRunId, sessionId, userId, content, contentType,
        reasoningContent, reasoningSteps, reasoningMessages, references, model, modelProvider, sessionState, createdAt, status, metrics, messages, tools, input,
        events, metadata, memberResponses, results, stepRequirements, specVersion, instanceId);
  }

  /** This run with {@code members} as its member runs. */
  public RunOutput withMemberResponses(List<RunOutput> members) {
    return new RunOutput(runId, kind, componentId, componentName, parentRunId, sessionId, userId, content, contentType,
        reasoningContent, reasoningSteps, reasoningMessages, references, model, modelProvider, sessionState, createdAt, status, metrics, messages, tools, input,
        events, metadata, members, stepResults, stepRequirements, specVersion, instanceId);
  }

  /** This run as stored by the engine instance {@code owner}. */
  public RunOutput withInstanceId(@Nullable String owner) {
    return new RunOutput(runId, kind, componentId, componentName, parentRunId, sessionId, userId, content, contentType,
        reasoningContent, reasoningSteps, reasoningMessages, references, model, modelProvider, sessionState, createdAt,
        status, metrics, messages, tools, input, events, metadata, memberResponses, stepResults, stepRequirements,
        specVersion, owner);
  }

  /** This run, found RUNNING after a crash, ended as ERROR with the content "interrupted". */
  public RunOutput interrupted() {
    return new RunOutput(runId, kind, componentId, componentName, parentRunId, sessionId, userId, INTERRUPTED, "str",
        reasoningContent, reasoningSteps, reasoningMessages, references, model, modelProvider, sessionState, createdAt, RunStatus.ERROR, metrics, messages, tools,
        input, events, metadata, memberResponses, stepResults, stepRequirements, specVersion, instanceId);
  }

  /**
   * What this run waits for while paused: its own calls that wait for a person or the client, and, for a team, those
   * of its paused members (with the member named), so that one continue can answer them all.
   */
  public List<RunRequirement> requirements() {
    List<RunRequirement> all = new ArrayList<>(RunRequirement.waitingIn(tools));
    for (RunOutput member : memberResponses) { // a paused member's call waits for it: each of them is asked
      if (member.status() == RunStatus.PAUSED) {
        member.requirements().forEach(r -> all.add(r.ofMember(member.componentId(), member.componentName(),
            member.runId())));
      }
    }
    return all;
  }

  /** The content as text: the string itself, or the JSON text of structured content; empty when there is none. */
  public String contentText() {
    return content == null ? "" : content.toString();
  }
}
